package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static nl.zorgpad.notification.ReferralEvents.EVA_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookIsolationTest {

    private static final int SLOW_EVENTS = 12;
    private WebhookReceiver slow;
    private WebhookReceiver fast;

    @AfterEach
    void unsubscribe() {
        Api.as("eva").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + EVA_ORG);
        Api.as("daan").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + DAAN_ORG);
        if (slow != null) {
            slow.close();
        }
        if (fast != null) {
            fast.close();
        }
    }

    @Test
    void aSlowReceiverGetsAtMostFourRequestsAtOnceAndDoesNotHoldUpAnother() {
        slow = WebhookReceiver.alwaysOk().slow(1000);
        fast = WebhookReceiver.alwaysOk();
        Api.as("eva").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(slow.url(), WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200);
        Api.as("daan").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(fast.url(), WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200);

        List<String> slowEvents = new ArrayList<>();
        String fastEvent;
        try (KafkaCompanion kafka = ReferralEvents.companion()) {
            for (int i = 0; i < SLOW_EVENTS; i++) {
                slowEvents.add(ReferralEvents.send(kafka, "referral.requested", ReferralEvents.newReferralId(),
                        EVA_ORG, ANNA_ORG));
            }
            fastEvent = ReferralEvents.send(kafka, "referral.requested", ReferralEvents.newReferralId(), DAAN_ORG,
                    ANNA_ORG);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> fast.processedIds().contains(fastEvent));
        int slowDoneWhenFastArrived = (int) slow.processedIds().stream().filter(slowEvents::contains).count();
        assertThat("the fast receiver did not wait for the slow one's queue", slowDoneWhenFastArrived,
                lessThan(SLOW_EVENTS));

        await().atMost(Duration.ofSeconds(30)).until(() -> slow.processedIds().containsAll(slowEvents));
        assertThat(slow.maxInFlight(), lessThanOrEqualTo(4));
        assertThat(slow.maxInFlight() > 1, equalTo(true));
    }
}
