package nl.zorgpad.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.messaging.ReferralEventType;
import nl.zorgpad.referral.messaging.ReferralEventData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * openapi/asyncapi.yaml is written by hand, so it is checked against the code that produces the events: the data
 * fields of a referral event, the statuses, and the event types. (The system tests also check every event a webhook
 * receives against the same document.)
 */
class PublishedEventContractTest {

    private static final Path ASYNCAPI = Path.of(System.getProperty("zorgpad.project.root", ".."))
            .resolve("openapi/asyncapi.yaml");

    private static Map<String, Object> document;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(ASYNCAPI)) {
            document = new Yaml().load(reader);
        }
    }

    @Test
    void referralEventDataHasExactlyThePublishedFields() {
        Set<String> code = Arrays.stream(ReferralEventData.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(code, new TreeSet<>(referralData().get("properties") instanceof Map<?, ?> p
                ? p.keySet().stream().map(String::valueOf).toList() : List.of()));
    }

    @Test
    void publishedStatusesAreTheStatusMachine() {
        Set<String> code = Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) referralData().get("properties")).get("status");
        assertEquals(code, new TreeSet<>(strings(status.get("enum"))));
    }

    @Test
    void publishedEventTypesAreEveryTypeTheServiceWrites() {
        Set<String> code = Arrays.stream(ReferralEventType.values()).map(ReferralEventType::type)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<?, ?> type = (Map<?, ?>) referralEvent().get("properties");
        assertEquals(code, new TreeSet<>(strings(((Map<?, ?>) type.get("type")).get("enum"))), "schema type enum");

        Map<?, ?> channel = (Map<?, ?>) map(document, "channels", "referralEvents").get("messages");
        Set<String> messageNames = channel.values().stream()
                .map(ref -> String.valueOf(((Map<?, ?>) ref).get("$ref")).replace("#/components/messages/", ""))
                .map(name -> String.valueOf(map(document, "components", "messages", name).get("name")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(code, messageNames, "messages of channel referral-events");
    }

    /** The second part of ReferralEvent's allOf: the type and data of a referral event. */
    private static Map<?, ?> referralEvent() {
        List<?> allOf = (List<?>) map(document, "components", "schemas", "ReferralEvent").get("allOf");
        return (Map<?, ?>) allOf.get(1);
    }

    private static Map<?, ?> referralData() {
        return (Map<?, ?>) ((Map<?, ?>) referralEvent().get("properties")).get("data");
    }

    private static Map<?, ?> map(Map<?, ?> root, String... path) {
        Map<?, ?> current = root;
        for (String key : path) {
            current = (Map<?, ?>) current.get(key);
        }
        return current;
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
