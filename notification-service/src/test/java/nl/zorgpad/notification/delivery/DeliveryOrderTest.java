package nl.zorgpad.notification.delivery;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.zorgpad.notification.Api;
import nl.zorgpad.notification.ReferralEvents;
import nl.zorgpad.notification.WebhookReceiver;
import nl.zorgpad.notification.config.NotificationConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver gets one referral's events one after the other, in order, also when two replicas dispatch. */
@QuarkusTest
class DeliveryOrderTest {

    private static final long SLOW_MILLIS = 700;

    @Inject
    NotificationConfig config;

    @Inject
    DeliveryClaims claims;

    @Inject
    DeliveryAttempts attempts;

    @Inject
    DeliverySender sender;

    @Inject
    DeliveryOutcomes outcomes;

    private WebhookReceiver receiver;
    private DeliveryDispatcher secondReplica;

    @AfterEach
    void cleanUp() {
        if (secondReplica != null) {
            secondReplica.stop();
        }
        Api.as("anna").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + ANNA_ORG)
                .then().statusCode(200);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aSecondReplicaDoesNotSendAReferralsNextEventWhileTheFirstIsStillBeingSent() {
        receiver = WebhookReceiver.alwaysOk().slow(SLOW_MILLIS);
        Api.as("anna").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(receiver.url(), WebhookSigner.newSecret(), "referral.accepted",
                        "referral.in-progress", "referral.completed"))
                .put("/api/subscriptions/" + ANNA_ORG).then().statusCode(200);
        // This service's own dispatcher is the first replica; the second shares its database and nothing else (the
        // beans it is given keep no state of their own).
        secondReplica = new DeliveryDispatcher(config, claims, attempts, sender, outcomes);

        String referral = ReferralEvents.newReferralId();
        List<String> sent = new ArrayList<>();
        try (KafkaCompanion kafka = ReferralEvents.companion()) {
            for (String type : List.of("referral.accepted", "referral.in-progress", "referral.completed")) {
                sent.add(ReferralEvents.send(kafka, type, referral, DAAN_ORG, ANNA_ORG));
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            secondReplica.wake();
            return receiver.processedIds().containsAll(sent);
        });

        // Only this referral's requests count: an event of another test may still reach the same practice.
        List<WebhookReceiver.Received> received = receiver.requests().stream()
                .filter(request -> sent.contains(request.id()))
                .sorted(Comparator.comparingLong(WebhookReceiver.Received::receivedAtNanos)).toList();
        assertThat(received.stream().map(WebhookReceiver.Received::id).toList(), equalTo(sent));
        for (int i = 1; i < received.size(); i++) {
            long gapMillis = (received.get(i).receivedAtNanos() - received.get(i - 1).receivedAtNanos()) / 1_000_000;
            assertThat("event " + i + " went out only after the one before was answered", gapMillis,
                    greaterThanOrEqualTo(SLOW_MILLIS));
        }
    }
}
