package nl.zorgpad.pathway.messaging;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.stack.testing.StackControls;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;

/** Events on pathway-events, read back from the real Kafka, and checked against openapi/asyncapi.yaml. */
@QuarkusTest
class PathwayEventsTest {

    private static final Path ASYNCAPI = Path.of(System.getProperty("zorgpad.project.root", ".."))
            .resolve("openapi/asyncapi.yaml");

    private final ObjectMapper json = new ObjectMapper();

    /** The event's data has exactly the fields the published AsyncAPI schema of its type lists, required ones set. */
    private static void assertAsPublished(JsonNode event, String schema) throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(ASYNCAPI.toFile());
        JsonNode published = document.at("/components/schemas/" + schema + "/allOf/1/properties");
        assertEquals(published.at("/type/const").asText(), event.get("type").asText(), schema + " type");
        JsonNode data = published.get("data");
        Set<String> described = new TreeSet<>();
        data.get("properties").fieldNames().forEachRemaining(described::add);
        Set<String> sent = new TreeSet<>();
        event.get("data").fieldNames().forEachRemaining(sent::add);
        assertEquals(described, sent, "data fields of " + event.get("type").asText() + " against " + ASYNCAPI);
        data.get("required").forEach(field -> assertTrue(event.get("data").has(field.asText()), field.asText()));
    }

    private ConsumerRecord<String, String> awaitEvent(String type, String subject) {
        try (KafkaCompanion kafka = new KafkaCompanion(StackControls.kafkaBootstrapServers())) {
            ConsumerTask<String, String> task = kafka.consumeStrings()
                    .withGroupId("test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("pathway-events", records -> records.select().where(record ->
                            record.value().contains("\"type\":\"" + type + "\"")
                            && record.value().contains("\"subject\":\"" + subject + "\"")));
            task.awaitRecords(1, Duration.ofSeconds(60));
            task.stop();
            return task.getRecords().get(0);
        }
    }

    @Test
    void publishingAPathwayPutsACloudEventOnKafkaKeyedByRegion() throws Exception {
        Fixtures.regions();
        Fixtures.partner("ev-alcohol", "programme", List.of(), "open");
        String id = Fixtures.publishedPathway("alcohol", List.of(rule(Map.of(), "ev-alcohol", "talk about it")));

        ConsumerRecord<String, String> record = awaitEvent("pathway.published", id);
        assertEquals(VERA_REGION, record.key());
        JsonNode event = json.readTree(record.value());
        assertEquals("1.0", event.get("specversion").asText());
        assertEquals("/pathway-service", event.get("source").asText());
        assertEquals(event.get("id").asText(), UUID.fromString(event.get("id").asText()).toString());
        assertFalse(event.get("time").asText().isBlank());
        assertEquals("application/json", event.get("datacontenttype").asText());
        JsonNode data = event.get("data");
        assertEquals(id, data.get("pathwayId").asText());
        assertEquals(1, data.get("version").asInt());
        assertEquals(VERA_REGION, data.get("regionId").asText());
        assertEquals("alcohol", data.get("signalType").asText());
        assertEquals("2026-01-01", data.get("effectiveFrom").asText());
        assertEquals("ev-alcohol", data.get("partnerIds").get(0).asText());
        assertAsPublished(event, "PathwayPublishedEvent");
    }

    @Test
    void changingAPartnerPutsPartnerChangedOnKafka() throws Exception {
        Fixtures.regions();
        Fixtures.partner("ev-changing", "other", List.of(), "open");
        as("vera").body(Map.of("status", "waitlist", "waitlistWeeks", 6))
                .put("/api/regions/" + VERA_REGION + "/partners/ev-changing/capacity").then().statusCode(200);

        try (KafkaCompanion kafka = new KafkaCompanion(StackControls.kafkaBootstrapServers())) {
            ConsumerTask<String, String> task = kafka.consumeStrings()
                    .withGroupId("test-" + UUID.randomUUID())
                    .withOffsetReset(OffsetResetStrategy.EARLIEST)
                    .fromTopics("pathway-events", records -> records.select().where(record ->
                            record.value().contains("\"subject\":\"ev-changing\"")));
            task.awaitRecords(2, Duration.ofSeconds(60));
            task.stop();
            JsonNode last = json.readTree(task.getRecords().get(1).value());
            assertEquals(VERA_REGION, task.getRecords().get(1).key());
            assertEquals("partner.changed", last.get("type").asText());
            assertEquals("Partner ev-changing", last.get("data").get("name").asText());
            assertEquals("waitlist", last.get("data").get("capacityStatus").asText());
            assertEquals(6, last.get("data").get("waitlistWeeks").asInt());
            assertAsPublished(last, "PartnerChangedEvent");
        }
    }
}
