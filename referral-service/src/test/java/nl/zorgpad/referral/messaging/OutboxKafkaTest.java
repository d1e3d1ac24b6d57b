package nl.zorgpad.referral.messaging;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.outbox.OutboxPublisher;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.EventReader;
import nl.zorgpad.referral.support.PathwayStub;
import nl.zorgpad.stack.testing.StackControls;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxKafkaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DATA_FIELDS = List.of("referralId", "status", "referringPracticeId",
            "partnerId", "regionId", "signalCodes", "acknowledgeDeadline", "reasonCode", "previousReferralId");

    @Inject
    AgroalDataSource db;

    @Inject
    EntityManager em;

    private static String type(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value()).get("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long unsent(String id) {
        return Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND sent_at IS NULL",
                UUID.fromString(id));
    }

    /**
     * Another instance's relay is stood in for by a connection holding the relay's advisory lock: while it holds it,
     * this instance publishes nothing (so two instances never send one referral's events side by side); once it lets
     * go, the waiting event leaves.
     */
    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        long lock = OutboxPublisher.lockId("referral-events");
        try (Connection otherInstance = db.getConnection()) {
            try {
                advisory(otherInstance, "SELECT pg_advisory_lock(?)", lock);
                String id = as("anna").body(handover(uniqueName(), "psychological")).post("/api/referrals").then()
                        .statusCode(201).extract().path("handovers[0].referralId");
                Thread.sleep(3000); // three relay intervals
                assertEquals(1, unsent(id), "no event leaves while another relay holds the lock");
                advisory(otherInstance, "SELECT pg_advisory_unlock(?)", lock);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (unsent(id) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertEquals(0, unsent(id), "the event leaves once the lock is free");
            } finally {
                // The connection goes back to the pool: it must not keep the lock for the tests that follow.
                advisory(otherInstance, "SELECT pg_advisory_unlock_all()", null);
            }
        }
    }

    private static void advisory(Connection connection, String sql, Long lock) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (lock != null) {
                statement.setLong(1, lock);
            }
            statement.execute();
        }
    }

    @Test
    void eventsReadBackFromKafkaAreCloudEventsInOrderWithoutAnyClientDetail() throws Exception {
        String name = uniqueName();
        Map<String, Object> body = handover(name, "psychological");
        part(body, "client").put("bsn", "123456782");
        String id = as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
        moveWithDetails("daan", id, "accepted").statusCode(200);
        moveWithDetails("daan", id, "in-progress").statusCode(200);
        List<ConsumerRecord<String, String>> records = EventReader.read(List.of(id), r -> r.size() >= 3,
                Duration.ofSeconds(60));
        assertEquals(3, records.size(), "events for " + id);
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(id, record.key());
            JsonNode event = JSON.readTree(record.value());
            assertEquals("1.0", event.get("specversion").asText());
            assertEquals("/referral-service", event.get("source").asText());
            assertEquals(id, event.get("subject").asText());
            assertEquals("application/json", event.get("datacontenttype").asText());
            assertNotNull(UUID.fromString(event.get("id").asText()));
            assertTrue(event.get("time").asText().endsWith("Z"));
            List<String> fields = new ArrayList<>();
            for (Iterator<String> it = event.get("data").fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
            assertEquals(DATA_FIELDS, fields);
            assertEquals(id, event.at("/data/referralId").asText());
            assertEquals("practice-de-wieken", event.at("/data/referringPracticeId").asText());
            assertEquals(PathwayStub.SMALLINGERLAND, event.at("/data/partnerId").asText());
            assertEquals(PathwayStub.REGION, event.at("/data/regionId").asText());
            assertEquals("psychological", event.at("/data/signalCodes/0").asText());
            String raw = record.value();
            for (String secret : List.of(name, "123456782", "2001-03-04", "12345678", "client@example.org",
                    "9203", "Handover note", "Only this number", "prefers spoken", "Anna Visser", "0512 123456")) {
                assertFalse(raw.contains(secret), "event leaks " + secret + ": " + raw);
            }
        }
        assertEquals(List.of("referral.requested", "referral.accepted", "referral.in-progress"),
                records.stream().map(OutboxKafkaTest::type).toList());
        assertEquals(0, unsent(id));
        String metrics = io.restassured.RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("referral_outbox_published_total"), "published counter exported");
        assertTrue(metrics.contains("referral_outbox_waiting"), "waiting gauge exported");
    }

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedInOrderWhenItIsBack() throws Exception {
        StackControls.stopKafka();
        String id;
        try {
            id = as("anna").body(handover(uniqueName(), "smoking")).post("/api/referrals").then().statusCode(201)
                    .extract().path("handovers[0].referralId");
            moveWithDetails("eva", id, "accepted").statusCode(200);
            for (int i = 0; i < 3; i++) {
                as("anna").body(handover(uniqueName(), "smoking")).post("/api/referrals").then().statusCode(201);
            }
            Thread.sleep(3000);
            assertEquals(2, unsent(id), "the events wait in the outbox while the broker is away");
            assertARunEndsAfterOneWaitForTheBroker();
        } finally {
            StackControls.startKafka();
        }
        List<ConsumerRecord<String, String>> records = EventReader.read(List.of(id), r -> r.size() >= 2,
                Duration.ofSeconds(120));
        assertEquals(List.of("referral.requested", "referral.accepted"),
                records.stream().map(OutboxKafkaTest::type).distinct().toList());
        long deadline = System.currentTimeMillis() + 30_000;
        while (unsent(id) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, unsent(id));
    }

    /**
     * With the broker away, each send waits max.block.ms (5 s at the 15 s ack timeout) for metadata. A run stops at
     * the first such failure instead of waiting once per referral with waiting events (at least four here), which
     * would hold its transaction and database connection for minutes with hundreds waiting. A second publisher with
     * its own topic (so its own lock) is used, since the service's relay may be in a run of its own; with the broker
     * away it sends nothing, so it marks nothing.
     */
    private void assertARunEndsAfterOneWaitForTheBroker() {
        try (OutboxPublisher probe = new OutboxPublisher(em, new SimpleMeterRegistry(), new OutboxPublisher.Settings(
                StackControls.kafkaBootstrapServers(), "outbox-outage-probe", "aggregate_id", 500,
                Duration.ofSeconds(15), "outbox-outage-probe", "probe"))) {
            long started = System.nanoTime();
            assertEquals(0, probe.publishPending());
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(12)) < 0, "a run with the broker away took " + took);
        }
    }
}
