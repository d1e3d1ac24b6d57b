package nl.zorgpad.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kafka goes down in the middle of a busy morning: midwives keep referring and cancelling, because referral-service
 * writes every event to its outbox, not to Kafka. When Kafka is back, the district team's webhook receives every
 * event exactly once, and each referral's events in the order they happened.
 */
@ExtendWith(RunningSystem.class)
@Order(20)
class KafkaOutageScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";
    private static final int REFERRALS = 12;
    @Test
    void eventsWrittenWhileKafkaIsDownArriveOnceAndInOrderWhenItIsBack() {
        LocalSystem local = RunningSystem.system();
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested", "referral.cancelled");
            List<String> referralIds = new ArrayList<>();
            local.stack().stopKafka();
            try {
                for (int i = 0; i < REFERRALS; i++) {
                    String id = Api.referrals("anna").body(Families.drachtenFamily("Burst Family " + i))
                            .post("/api/referrals").then().statusCode(201)
                            .extract().path("handovers[0].referralId");
                    referralIds.add(id);
                    if (i % 2 == 0) {
                        // Half of them are cancelled at once: two events for one referral, in a fixed order.
                        Api.changeStatus("anna", id, """
                                {"status":"cancelled","reasonCode":"entered-in-error","reasonText":"Wrong family"}""");
                    }
                }
                double failedRuns = relayMetric("referral_outbox_failed_runs_total");
                // Only once the outbox relay has tried to publish every one of these events may "nothing arrived"
                // mean something: two relay runs that found Kafka away, the second begun after the last post.
                awaitRelayRunsWithoutKafka(failedRuns + 2, REFERRALS + (REFERRALS + 1) / 2);
                List<WebhookReceiver.Received> arrived = eventsFor(teamSystem, referralIds);
                assertTrue(arrived.isEmpty(), "nothing can arrive while Kafka is down, yet: " + types(arrived));
                // The publishing services stay ready: they need no broker to take requests, their events wait in
                // the outbox. The broker's absence shows in their kafka health group, for monitoring.
                for (ZorgpadService publisher : List.of(ZorgpadService.REFERRAL, ZorgpadService.PATHWAY)) {
                    given().baseUri(RunningSystem.url(publisher)).get("/q/health/ready").then().statusCode(200);
                    given().baseUri(RunningSystem.url(publisher)).get("/q/health/group/kafka").then()
                            .statusCode(503);
                }
            } finally {
                local.stack().startKafka();
            }

            int expected = REFERRALS + (REFERRALS + 1) / 2;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> eventsFor(teamSystem, referralIds).size() >= expected);
            // Count once notification-service has recorded every webhook of these referrals as delivered: after
            // that it sends none of them again, so a doubled event would be in the count below.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> everyWebhookDelivered(referralIds));

            List<WebhookReceiver.Received> events = eventsFor(teamSystem, referralIds);
            assertEquals(expected, events.size(), "every event once: " + types(events));
            assertEquals(teamSystem.attempts().stream().filter(a -> a.answered() < 300).count(),
                    teamSystem.received().size(), "no webhook accepted twice");
            assertTrue(events.stream().allMatch(WebhookReceiver.Received::signatureValid), "every event signed");
            events.forEach(event -> PublishedEvents.assertWebhookEvent(event.body()));
            for (int i = 0; i < REFERRALS; i++) {
                String id = referralIds.get(i);
                List<String> order = events.stream().filter(e -> e.body().contains(id))
                        .map(KafkaOutageScenarioTest::type).toList();
                List<String> happened = i % 2 == 0
                        ? List.of("referral.requested", "referral.cancelled")
                        : List.of("referral.requested");
                assertEquals(happened, order, "events of referral " + id);
            }
        }
    }

    /**
     * Waits until referral-service's outbox relay has counted {@code failedRuns} batches that Kafka did not
     * acknowledge, with at least {@code events} events still waiting: the runs after the last post tried them all.
     */
    private static void awaitRelayRunsWithoutKafka(double failedRuns, int events) {
        await("outbox relay runs that found Kafka away after the last post").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> relayMetric("referral_outbox_failed_runs_total") >= failedRuns
                        && relayMetric("referral_outbox_waiting") >= events);
    }

    /** One value of referral-service's Prometheus scrape (its outbox meters carry no labels of their own). */
    private static double relayMetric(String name) {
        return Metrics.values(Metrics.scrape(RunningSystem.url(ZorgpadService.REFERRAL)),
                line -> line.startsWith(name + " ") || line.startsWith(name + "{")).findFirst().orElse(0);
    }

    /** Every referral has its webhook deliveries (one per event) recorded as delivered in notification-service. */
    private static boolean everyWebhookDelivered(List<String> referralIds) {
        for (int i = 0; i < referralIds.size(); i++) {
            List<String> webhooks = Api.notifications("daan").queryParam("referralId", referralIds.get(i))
                    .get("/api/deliveries").then().statusCode(200).extract().jsonPath()
                    .getList("items.findAll { it.channel == 'webhook' }.status", String.class);
            if (webhooks.size() < (i % 2 == 0 ? 2 : 1) || !webhooks.stream().allMatch("delivered"::equals)) {
                return false;
            }
        }
        return true;
    }

    private static List<WebhookReceiver.Received> eventsFor(WebhookReceiver receiver, List<String> referralIds) {
        return receiver.received().stream().filter(r -> referralIds.stream().anyMatch(id -> r.body().contains(id)))
                .toList();
    }

    private static String type(WebhookReceiver.Received event) {
        Map<?, ?> cloudEvent = io.restassured.path.json.JsonPath.from(event.body()).getMap("");
        return String.valueOf(cloudEvent.get("type"));
    }

    private static String types(List<WebhookReceiver.Received> events) {
        return events.stream().map(KafkaOutageScenarioTest::type).collect(Collectors.joining(", "));
    }
}
