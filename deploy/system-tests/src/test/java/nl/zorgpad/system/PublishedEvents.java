package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * The event contract integrators code against, openapi/asyncapi.yaml, applied to the events that really arrive:
 * every webhook body must be a CloudEvent as published there (schema WebhookReferralEvent), with exactly the data
 * fields described.
 */
final class PublishedEvents {

    private static final Map<?, ?> SCHEMAS = schemas();

    private PublishedEvents() {
    }

    /** Fails unless {@code body} is a webhook's referral event as openapi/asyncapi.yaml describes it. */
    static void assertWebhookEvent(String body) {
        Map<String, Object> event = JsonPath.from(body).getMap("");
        List<?> envelopeRequired = (List<?>) ((Map<?, ?>) SCHEMAS.get("CloudEvent")).get("required");
        for (Object field : envelopeRequired) {
            assertTrue(event.containsKey(String.valueOf(field)), "CloudEvent field " + field + " in " + body);
        }
        assertEquals("1.0", event.get("specversion"));
        Map<?, ?> referral = (Map<?, ?>) ((List<?>) ((Map<?, ?>) SCHEMAS.get("WebhookReferralEvent")).get("allOf")).get(1);
        Map<?, ?> properties = (Map<?, ?>) referral.get("properties");
        assertTrue(((List<?>) ((Map<?, ?>) properties.get("type")).get("enum")).contains(event.get("type")),
                "published event type: " + event.get("type"));
        Map<?, ?> dataSchema = (Map<?, ?>) properties.get("data");
        Map<?, ?> data = (Map<?, ?>) event.get("data");
        Set<Object> unpublished = new HashSet<>(data.keySet());
        unpublished.removeAll(((Map<?, ?>) dataSchema.get("properties")).keySet());
        assertTrue(unpublished.isEmpty(), "data fields not in asyncapi.yaml: " + unpublished);
        for (Object field : (List<?>) dataSchema.get("required")) {
            assertTrue(data.containsKey(String.valueOf(field)), "required data field " + field + " in " + body);
        }
        for (String field : List.of("referralId", "status", "referringPracticeId", "partnerId")) {
            assertTrue(data.get(field) != null, field + " has a value in " + body);
        }
        Map<?, ?> status = (Map<?, ?>) ((Map<?, ?>) dataSchema.get("properties")).get("status");
        assertTrue(((List<?>) status.get("enum")).contains(data.get("status")), "published status: " + data);
    }

    private static Map<?, ?> schemas() {
        Path file = Path.of(System.getProperty("zorgpad.project.root", "../..")).resolve("openapi/asyncapi.yaml");
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<?, ?> document = new Yaml().load(reader);
            return (Map<?, ?>) ((Map<?, ?>) document.get("components")).get("schemas");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
