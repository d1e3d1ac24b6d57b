package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.zorgpad.notification.delivery.WebhookSigner;
import nl.zorgpad.notification.domain.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DeliveryRecoveryTest {

    private WebhookReceiver receiver;

    @AfterEach
    void unsubscribe() {
        Api.unsubscribeAll("daan", DAAN_ORG);
        if (receiver != null) {
            receiver.close();
        }
    }

    /**
     * The retry queue is only the delivery table: a row that an earlier process claimed (lease set, attempts made)
     * and never finished, because it stopped, is sent once its lease has passed. This is what a restart during
     * backoff leaves behind.
     */
    @Test
    void aDeliveryLeftBehindByAStoppedInstanceIsSentWhenItsLeaseHasPassed() {
        receiver = WebhookReceiver.alwaysOk();
        String secret = WebhookSigner.newSecret();
        String endpointId = Api.as("daan").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(receiver.url(), secret, "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .extract().jsonPath().getString("webhooks[0].id");
        String referral = ReferralEvents.newReferralId();
        String eventId = UUID.randomUUID().toString();
        Instant created = Instant.now().minusSeconds(3).truncatedTo(ChronoUnit.MICROS);

        QuarkusTransaction.requiringNew().run(() -> {
            Delivery left = new Delivery();
            left.id = UUID.randomUUID();
            left.organisationId = DAAN_ORG;
            left.channel = Delivery.Channel.WEBHOOK;
            left.endpointId = UUID.fromString(endpointId);
            left.target = receiver.url();
            left.eventId = eventId;
            left.eventType = "referral.requested";
            left.referralId = referral;
            left.payload = ReferralEvents.json(eventId, "referral.requested", referral, DAAN_ORG, ANNA_ORG);
            left.status = Delivery.Status.PENDING;
            left.attempts = 2;
            left.lastStatusCode = 503;
            left.nextAttemptAt = Instant.now().minusMillis(100);
            left.windowStartAt = created;
            left.createdAt = created;
            left.updatedAt = created;
            left.persist();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.processedIds().contains(eventId));
        WebhookReceiver.Received received = receiver.requestsFor(eventId).get(0);
        assertThat(received.signature(), equalTo(WebhookSigner.sign(secret, eventId,
                Long.parseLong(received.timestamp()), received.body())));
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(Api.as("daan")
                .queryParam("referralId", referral).get("/api/deliveries").jsonPath().getString("items[0].status")));
        Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").then()
                .body("items", hasSize(1)).body("items[0].attempts", equalTo(3));
    }

    @Test
    void aVsvAdminSeesTheDeliveriesOfPartnersInTheirRegionOnly() {
        receiver = WebhookReceiver.alwaysOk();
        Api.as("daan").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(receiver.url(), WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200);
        String referral = ReferralEvents.newReferralId();
        try (KafkaCompanion kafka = ReferralEvents.companion()) {
            ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.as("daan").queryParam("referralId", referral)
                .get("/api/deliveries").jsonPath().getInt("total") == 1);

        // The referral event told the service that this partner belongs to vera's region.
        Api.as("vera").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].organisationId", equalTo(DAAN_ORG));
        Api.as("wim").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("total", equalTo(0));
        Api.as("anna").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("total", equalTo(0));
    }
}
