package nl.zorgpad.referral.messaging;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            "partnerId", "regionId", "signalCodes", "acknowledgeDeadline", "reasonCode", "previousReferralId",
            "fhirTask");

    @Inject
    AgroalDataSource db;

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

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

    /** The value of one meter in the Prometheus scrape; 0 when it is not there. */
    private static double metric(String name) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(scrape);
        return value.find() ? Double.parseDouble(value.group(2)) : 0;
    }

    /**
     * Another instance's relay is stood in for by a connection holding the relay's advisory lock: while it holds it,
     * a run of this instance's relay publishes nothing (so two instances never send one referral's events side by
     * side); once it lets go, the waiting event leaves.
     */
    @Test
    void onlyOneRelayPublishesAtATime() throws Exception {
        long lock = OutboxPublisher.lockId("referral-events");
        try (Connection otherInstance = db.getConnection()) {
            try {
                advisory(otherInstance, "SELECT pg_advisory_lock(?)", lock);
                String id = as("anna").body(handover(uniqueName(), "psychological")).post("/api/referrals").then()
                        .statusCode(201).extract().path("handovers[0].referralId");
                relay.scheduled(); // a whole run, as the scheduler starts it
                assertEquals(1, unsent(id), "no event leaves while another relay holds the lock");
                advisory(otherInstance, "SELECT pg_advisory_unlock(?)", lock);
                await("the event leaves once the lock is free").atMost(Duration.ofSeconds(30))
                        .until(() -> unsent(id) == 0);
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
        double publishedBefore = metric("referral_outbox_published_total");
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
            assertEquals("http://localhost:8082/fhir/Task/" + id, event.at("/data/fhirTask").asText());
            String raw = record.value();
            for (String secret : List.of(name, "123456782", "2001-03-04", "12345678", "client@example.org",
                    "9203", "Handover note", "Only this number", "prefers spoken", "Anna Visser", "0512 123456")) {
                assertFalse(raw.contains(secret), "event leaks " + secret + ": " + raw);
            }
        }
        assertEquals(List.of("referral.requested", "referral.accepted", "referral.in-progress"),
                records.stream().map(OutboxKafkaTest::type).toList());
        assertEquals(0, unsent(id));
        double published = metric("referral_outbox_published_total") - publishedBefore;
        assertTrue(published >= 3, "the published counter counts this referral's three events: " + published);
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
            relay.scheduled(); // a whole run, as the scheduler starts it
            assertEquals(2, unsent(id), "the events wait in the outbox while the broker is away");
            assertTrue(metric("referral_outbox_waiting") >= 5, "the waiting gauge counts the five waiting events");
            given().get("/q/health/group/kafka").then().statusCode(503)
                    .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("DOWN"));
            // Referrals are made while the broker is away (above): the service stays ready.
            given().get("/q/health/ready").then().statusCode(200);
            assertARunWithTheBrokerAwayMarksNothing();
        } finally {
            StackControls.startKafka();
        }
        List<ConsumerRecord<String, String>> records = EventReader.read(List.of(id), r -> r.size() >= 2,
                Duration.ofSeconds(120));
        assertEquals(List.of("referral.requested", "referral.accepted"),
                records.stream().map(OutboxKafkaTest::type).distinct().toList());
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(id) == 0);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                .statusCode(200).body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP")));
    }

    /**
     * A second publisher with its own topic (so its own lock), since the service's relay may be in a run of its own:
     * with the broker away it sends nothing, so it marks nothing. How long such a run takes is not asserted here
     * (timing belongs in a benchmark).
     */
    private void assertARunWithTheBrokerAwayMarksNothing() {
        try (OutboxPublisher probe = new OutboxPublisher(em, new SimpleMeterRegistry(), OpenTelemetry.noop(),
                new OutboxPublisher.Settings(StackControls.kafkaBootstrapServers(), "outbox-outage-probe",
                        "aggregate_id", 500, Duration.ofSeconds(15), "outbox-outage-probe", "probe"))) {
            assertEquals(0, probe.publishPending());
        }
    }
}
