package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import nl.zorgpad.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rotating a webhook secret does not make a receiver refuse deliveries: for the overlap (24 hours by default) every
 * delivery is signed with the old and the new secret, so a receiver that knows either accepts it; afterwards only
 * the new one signs.
 */
@QuarkusTest
class WebhookSecretRotationTest {

    private static KafkaCompanion kafka;

    @Inject
    AgroalDataSource db;

    private WebhookReceiver receiver;

    @BeforeAll
    static void connect() {
        kafka = ReferralEvents.companion();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void unsubscribe() {
        Api.unsubscribeAll("daan", DAAN_ORG);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void duringTheOverlapBothSecretsSignAndAfterItOnlyTheNewOne() throws SQLException {
        String oldSecret = WebhookSigner.newSecret();
        String newSecret = WebhookSigner.newSecret();
        receiver = WebhookReceiver.alwaysOk();
        String webhookId = Api.as("daan").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(receiver.url(), oldSecret, "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .body("webhooks[0].previousSecretSignsUntil", nullValue())
                .extract().path("webhooks[0].id");

        Api.as("daan").contentType(ContentType.JSON).body("""
                {"webhooks":[{"id":"%s","url":"%s","secret":"%s","eventTypes":["referral.requested"]}]}"""
                .formatted(webhookId, receiver.url(), newSecret))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .body("webhooks[0].previousSecretSignsUntil", notNullValue());

        WebhookReceiver.Received during = deliver();
        assertTrue(acceptedBy(oldSecret, during), "a receiver that knows only the old secret accepts it");
        assertTrue(acceptedBy(newSecret, during), "a receiver that knows only the new secret accepts it");
        assertEquals(2, during.signature().split(" ").length, during.signature());

        endOverlap(UUID.fromString(webhookId));
        Api.as("daan").get("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .body("webhooks[0].previousSecretSignsUntil", nullValue());

        WebhookReceiver.Received after = deliver();
        assertFalse(acceptedBy(oldSecret, after), "the old secret no longer signs");
        assertTrue(acceptedBy(newSecret, after), "the new one does");
        assertEquals(1, after.signature().split(" ").length, after.signature());
    }

    @Test
    void givingTheSameSecretAgainStartsNoOverlap() {
        String secret = WebhookSigner.newSecret();
        receiver = WebhookReceiver.alwaysOk();
        String webhookId = Api.as("daan").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(receiver.url(), secret, "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200).extract().path("webhooks[0].id");
        Api.as("daan").contentType(ContentType.JSON).body("""
                {"webhooks":[{"id":"%s","url":"%s","secret":"%s","eventTypes":["referral.requested"]}]}"""
                .formatted(webhookId, receiver.url(), secret))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .body("webhooks[0].previousSecretSignsUntil", nullValue());
        assertEquals(1, deliver().signature().split(" ").length);
    }

    private WebhookReceiver.Received deliver() {
        String eventId = ReferralEvents.send(kafka, "referral.requested", ReferralEvents.newReferralId(), DAAN_ORG,
                ANNA_ORG);
        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requestsFor(eventId).isEmpty());
        return receiver.requestsFor(eventId).get(0);
    }

    /** How a Standard Webhooks receiver checks: one of the space-separated signatures is its own. */
    private static boolean acceptedBy(String secret, WebhookReceiver.Received received) {
        String expected = WebhookSigner.sign(secret, received.id(), Long.parseLong(received.timestamp()),
                received.body());
        return Arrays.asList(received.signature().split(" ")).contains(expected);
    }

    /** The overlap has passed (it is 24 hours; the test moves its end into the past rather than wait). */
    private void endOverlap(UUID webhookId) throws SQLException {
        try (Connection connection = db.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE webhook_endpoint SET previous_secret_until = now() - interval '1 second' WHERE id = ?")) {
            update.setObject(1, webhookId);
            assertEquals(1, update.executeUpdate());
        }
    }
}
