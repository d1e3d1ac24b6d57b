package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.zorgpad.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookDeliveryTest {

    private static KafkaCompanion kafka;
    private WebhookReceiver receiver;
    private final String secret = WebhookSigner.newSecret();

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
    void stopReceiver() {
        Api.unsubscribeAll("daan", DAAN_ORG);
        if (receiver != null) {
            receiver.close();
        }
    }

    private void subscribeDaan(WebhookReceiver webhook) {
        receiver = webhook;
        Api.subscribeWebhook("daan", DAAN_ORG, webhook.url(), secret, "referral.requested", "referral.cancelled");
    }

    @Test
    void theWebhookReceivesTheSignedEventWithIdsOnly() throws Exception {
        subscribeDaan(WebhookReceiver.alwaysOk());
        String referral = ReferralEvents.newReferralId();
        String eventId = ReferralEvents.sendWithTask(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requestsFor(eventId).isEmpty());
        WebhookReceiver.Received received = receiver.requestsFor(eventId).get(0);
        assertThat(received.signature(), equalTo(WebhookSigner.sign(secret, received.id(),
                Long.parseLong(received.timestamp()), received.body())));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(received.timestamp())), lessThan(60L));
        JsonNode event = new ObjectMapper().readTree(received.body());
        assertThat(event.get("id").asText(), equalTo(eventId));
        assertThat(event.get("type").asText(), equalTo("referral.requested"));
        assertThat(event.get("data").get("referralId").asText(), equalTo(referral));
        assertThat(event.get("data").get("partnerId").asText(), equalTo(DAAN_ORG));
        assertThat(event.get("data").get("fhirTask").asText(), equalTo(ReferralEvents.fhirTask(referral)));
        assertThat("signal codes stay in referral-service", received.body(), not(containsString("financial-debt")));

        // The outcome is recorded by the dispatcher's next round, moments after the receiver answered.
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(Api.as("daan")
                .queryParam("referralId", referral).get("/api/deliveries").jsonPath().getString("items[0].status")));
        Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("delivered"))
                .body("items[0].channel", equalTo("webhook")).body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatusCode", equalTo(204)).body("items[0].eventId", equalTo(eventId));
    }

    @Test
    void anOlderEventWithoutATaskIsForwardedWithFhirTaskNull() throws Exception {
        subscribeDaan(WebhookReceiver.alwaysOk());
        String referral = ReferralEvents.newReferralId();
        String eventId = ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requestsFor(eventId).isEmpty());
        JsonNode data = new ObjectMapper().readTree(receiver.requestsFor(eventId).get(0).body()).get("data");
        assertThat(data.get("referralId").asText(), equalTo(referral));
        assertThat("every field of data is present", data.has("fhirTask"), equalTo(true));
        assertThat(data.get("fhirTask").isNull(), equalTo(true));
    }

    @Test
    void aReceiverThatFailsThreeTimesGetsTheEventAndSeesItOnce() {
        double retriedBefore = Api.deliveriesCounted("webhook", "retried");
        double deliveredBefore = Api.deliveriesCounted("webhook", "delivered");
        subscribeDaan(new WebhookReceiver(call -> call <= 3 ? 503 : 204));
        String referral = ReferralEvents.newReferralId();
        String eventId = ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        // Once the service has recorded the delivery as delivered it never sends it again, so from then on the
        // receiver's count is final.
        await().atMost(Duration.ofSeconds(30)).until(() -> "delivered".equals(Api.as("daan")
                .queryParam("referralId", referral).get("/api/deliveries").jsonPath().getString("items[0].status")));
        assertThat(receiver.requestsFor(eventId), hasSize(4));
        assertThat(receiver.duplicatesOf(eventId), equalTo(0));
        assertThat(receiver.requestsFor(eventId).stream().map(WebhookReceiver.Received::id).distinct().count(),
                equalTo(1L));

        Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].status", equalTo("delivered"))
                .body("items[0].attempts", equalTo(4)).body("items[0].lastStatusCode", equalTo(204))
                .body("items[0].nextAttemptAt", nullValue()).body("items[0].deliveredAt", notNullValue());
        // Other tests' deliveries may count too (at most more), but these three retries and one delivery must.
        assertThat(Api.deliveriesCounted("webhook", "retried") - retriedBefore, greaterThanOrEqualTo(3.0));
        assertThat(Api.deliveriesCounted("webhook", "delivered") - deliveredBefore, greaterThanOrEqualTo(1.0));
    }

    @Test
    void aRedeliveredKafkaEventCreatesNoSecondDelivery() {
        subscribeDaan(WebhookReceiver.alwaysOk());
        String referral = ReferralEvents.newReferralId();
        String eventId = UUID.randomUUID().toString();
        String event = ReferralEvents.json(eventId, "referral.requested", referral, DAAN_ORG, ANNA_ORG);
        ReferralEvents.sendRaw(kafka, referral, event);
        ReferralEvents.sendRaw(kafka, referral, event);
        String later = ReferralEvents.send(kafka, "referral.cancelled", referral, DAAN_ORG, ANNA_ORG);

        // The redelivered copies were consumed before the later event (same key, same partition), so any delivery
        // they created exists once the later one does; when all of them are recorded as delivered, nothing of this
        // referral is sent any more and the receiver's count is final.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath deliveries = Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").jsonPath();
            return deliveries.getList("items.eventId", String.class).contains(later)
                    && deliveries.getList("items.status", String.class).stream().allMatch("delivered"::equals);
        });
        assertThat(receiver.requestsFor(eventId), hasSize(1));
        Api.as("daan").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("delivered")));
    }

    @Test
    void aDeadDeliveryIsListedAndCanBeRetriedByItsOrganisationOnly() {
        double deadBefore = Api.deliveriesCounted("webhook", "dead");
        subscribeDaan(new WebhookReceiver(call -> 500));
        String referral = ReferralEvents.newReferralId();
        String eventId = ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(30)).until(() -> Api.as("daan").queryParam("referralId", referral)
                .queryParam("status", "dead").get("/api/deliveries").jsonPath().getInt("total") == 1);
        String deliveryId = Api.as("daan").queryParam("referralId", referral).get("/api/deliveries")
                .then().body("items[0].lastStatusCode", equalTo(500))
                .body("items[0].lastError", equalTo("receiver answered 500"))
                .extract().jsonPath().getString("items[0].id");
        int attempts = receiver.requestsFor(eventId).size();
        assertThat(attempts > 3, equalTo(true));

        Api.as("eva").queryParam("referralId", referral).get("/api/deliveries").then().statusCode(200)
                .body("total", equalTo(0));
        Api.as("eva").post("/api/deliveries/" + deliveryId + "/retry").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/not-found")).body("title", equalTo("Not found"));
        assertThat(Api.deliveriesCounted("webhook", "dead") - deadBefore, greaterThanOrEqualTo(1.0));

        receiver.answer(call -> 200);
        Api.as("daan").post("/api/deliveries/" + deliveryId + "/retry").then().statusCode(200)
                .body("status", equalTo("pending"));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.processedIds().contains(eventId));
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(Api.as("daan")
                .queryParam("referralId", referral).get("/api/deliveries").jsonPath().getString("items[0].status")));
        Api.as("daan").post("/api/deliveries/" + deliveryId + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409))
                .body("type", equalTo("https://zorgpad.nl/problems/conflict")).body("title", equalTo("Conflict"));
    }

    @Test
    void anUnknownStatusFilterIsAProblem() {
        Api.as("daan").queryParam("status", "lost").get("/api/deliveries").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("title", equalTo("The request is not valid")).body("status", equalTo(422))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].message", equalTo("must be one of pending, delivered, dead"));
    }
}
