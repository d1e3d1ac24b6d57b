package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The district team's system is down, so notification-service is retrying its webhook with backoff, and then
 * notification-service itself crashes (SIGKILL, no shutdown). Started again, it finds the retry in its database and
 * delivers the event once the receiver is back: nothing lost, nothing doubled, and the Kafka event it had already
 * processed does not create a second delivery.
 */
@ExtendWith(RunningSystem.class)
@Order(30)
class NotificationCrashScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    @Test
    void aCrashDuringWebhookRetriesLosesNothingAndDoublesNothing() {
        LocalSystem local = RunningSystem.system();
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.failNext(Integer.MAX_VALUE);
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested");

            String referralId = Api.referrals("anna").body(Families.drachtenFamily("Crash Family"))
                    .post("/api/referrals").then().statusCode(201)
                    .extract().path("handovers[0].referralId");
            await().atMost(Duration.ofSeconds(60)).until(() -> attemptsFor(teamSystem, referralId) >= 1);
            // Crash during the backoff: once the failed attempt is on record and the retry is waiting.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.notifications("daan")
                    .queryParam("referralId", referralId).get("/api/deliveries").then().statusCode(200)
                    .body("items.find { it.channel == 'webhook' }.status", equalTo("pending"))
                    .body("items.find { it.channel == 'webhook' }.lastStatusCode", equalTo(503)));
            String webhookId = teamSystem.attempts().stream().filter(a -> a.body().contains(referralId))
                    .findFirst().orElseThrow().id();

            local.killService(ZorgpadService.NOTIFICATION);
            teamSystem.failNext(0);
            local.startService(ZorgpadService.NOTIFICATION);

            // The first retry comes about 30 s (with jitter) after the failed attempt.
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> teamSystem.received().stream().anyMatch(r -> r.body().contains(referralId)));
            // Count once the delivery log records the webhook as delivered: from then on notification-service
            // sends it no more, so a second sending would be among what the receiver got.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "delivered".equals(webhookStatus(referralId)));

            List<WebhookReceiver.Received> delivered = teamSystem.received().stream()
                    .filter(r -> r.body().contains(referralId)).toList();
            assertEquals(1, delivered.size(), "one webhook for the one event");
            assertEquals(webhookId, delivered.get(0).id(), "the retry carries the same webhook-id");
            assertTrue(delivered.get(0).signatureValid());
            PublishedEvents.assertWebhookEvent(delivered.get(0).body());
            assertEquals(1, teamSystem.attempts().stream()
                    .filter(a -> a.id().equals(webhookId) && a.answered() < 300).count(), "accepted once");
            assertTrue(teamSystem.attempts().stream().allMatch(a -> a.id().equals(webhookId)),
                    "no other webhook-id for the same event");

            // The delivery log tells the same story: one webhook delivery, delivered after failed attempts.
            Api.notifications("daan").queryParam("referralId", referralId).get("/api/deliveries").then()
                    .statusCode(200)
                    .body("items.findAll { it.channel == 'webhook' }", hasSize(1))
                    .body("items.find { it.channel == 'webhook' }.status", equalTo("delivered"))
                    .body("items.find { it.channel == 'webhook' }.attempts", greaterThanOrEqualTo(2));
            long inboxItems = Api.notifications("daan").get("/api/inbox?size=100").then().statusCode(200)
                    .extract().jsonPath().getList("items.referralId").stream().filter(referralId::equals).count();
            assertEquals(1, inboxItems, "one inbox item: the processed event was not taken twice");
        }
    }

    private static String webhookStatus(String referralId) {
        return Api.notifications("daan").queryParam("referralId", referralId).get("/api/deliveries").then()
                .statusCode(200).extract().path("items.find { it.channel == 'webhook' }.status");
    }

    private static long attemptsFor(WebhookReceiver receiver, String referralId) {
        return receiver.attempts().stream().filter(a -> a.body().contains(referralId)).count();
    }
}
