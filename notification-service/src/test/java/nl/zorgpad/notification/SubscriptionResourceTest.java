package nl.zorgpad.notification;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static nl.zorgpad.notification.ReferralEvents.EVA_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import nl.zorgpad.notification.delivery.WebhookSigner;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubscriptionResourceTest {

    private static final String URL = "http://127.0.0.1:9/hook";

    @Test
    void anOrganisationManagesItsOwnSubscriptionsAndNeverSeesTheSecret() {
        String secret = WebhookSigner.newSecret();
        String body = """
                {"webhooks":[{"url":"%s","secret":"%s","eventTypes":["referral.requested","referral.overdue"]}],
                 "emails":[{"address":"Intake@Gebiedsteam.example.nl","eventTypes":["referral.requested"]}]}"""
                .formatted(URL, secret);
        String answer = Api.as("eva").contentType(ContentType.JSON).body(body)
                .put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(200)
                .body("organisationId", equalTo(EVA_ORG)).body("inbox", equalTo(true))
                .body("webhooks", hasSize(1)).body("webhooks[0].url", equalTo(URL))
                .body("webhooks[0].eventTypes", containsInAnyOrder("referral.requested", "referral.overdue"))
                .body("webhooks[0].secretSet", equalTo(true))
                .body("emails[0].address", equalTo("intake@gebiedsteam.example.nl"))
                .extract().asString();
        assertThat(answer, not(containsString(secret)));
        assertThat(answer, not(containsString("whsec_")));

        String read = Api.as("eva").get("/api/subscriptions/" + EVA_ORG).then().statusCode(200)
                .body("webhooks[0].url", equalTo(URL)).extract().asString();
        assertThat(read, not(containsString("whsec_")));
    }

    @Test
    void aSecretIsKeptWhenOmittedAndReplacedWhenRotated() {
        var created = Api.as("eva").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(URL, WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200).extract().jsonPath();
        String id = created.getString("webhooks[0].id");
        String rotatedAt = created.getString("webhooks[0].secretRotatedAt");

        String keep = """
                {"webhooks":[{"id":"%s","url":"%s","eventTypes":["referral.requested","referral.cancelled"]}]}"""
                .formatted(id, URL);
        Api.as("eva").contentType(ContentType.JSON).body(keep).put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(200).body("webhooks[0].id", equalTo(id))
                .body("webhooks[0].secretRotatedAt", equalTo(rotatedAt))
                .body("webhooks[0].eventTypes", hasSize(2));

        // The rotation must get a later timestamp than the creation (both in microseconds, from the same clock).
        await().atMost(Duration.ofSeconds(1)).until(() -> Instant.now().isAfter(Instant.parse(rotatedAt)));
        String rotate = """
                {"webhooks":[{"id":"%s","url":"%s","secret":"%s","eventTypes":["referral.requested"]}]}"""
                .formatted(id, URL, WebhookSigner.newSecret());
        Api.as("eva").contentType(ContentType.JSON).body(rotate).put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(200).body("webhooks[0].id", equalTo(id))
                .body("webhooks[0].secretRotatedAt", not(equalTo(rotatedAt)));

        Api.as("eva").contentType(ContentType.JSON).body("{\"webhooks\":[],\"emails\":[]}")
                .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200).body("webhooks", hasSize(0));
    }

    @Test
    void practiceSoftwareRegistersItsCallbackWithItsClientCredentials() {
        given().auth().oauth2(DemoTokens.forClient("practice-software-demo")).contentType(ContentType.JSON)
                .body(Api.webhookSubscription(URL, WebhookSigner.newSecret(), "referral.accepted"))
                .put("/api/subscriptions/" + ANNA_ORG)
                .then().statusCode(200).body("webhooks[0].eventTypes", hasItem("referral.accepted"));
    }

    @Test
    void anotherOrganisationsSubscriptionsAreNotFound() {
        Api.as("eva").get("/api/subscriptions/" + DAAN_ORG)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404))
                .body("type", equalTo("https://zorgpad.nl/problems/not-found")).body("title", equalTo("Not found"));
        Api.as("eva").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(URL, WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG)
                .then().statusCode(404).contentType("application/problem+json");
        Api.as("anna").get("/api/subscriptions/" + DAAN_ORG).then().statusCode(404);
    }

    @Test
    void aVsvAdminManagesPartnersInTheirRegionOnly() {
        try (KafkaCompanion kafka = ReferralEvents.companion()) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>("pathway-events", ReferralEvents.REGION, """
                    {"specversion":"1.0","id":"%s","source":"/pathway-service","type":"partner.changed",
                    "data":{"regionId":"%s","partnerId":"%s","name":"Sociaal Wijkteam Smallingerland",
                    "kind":"district-team","capacityStatus":"open","active":true}}"""
                    .formatted(java.util.UUID.randomUUID(), ReferralEvents.REGION, DAAN_ORG)))
                    .awaitCompletion(Duration.ofSeconds(30));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> Api.as("vera").get("/api/subscriptions/" + DAAN_ORG)
                .statusCode() == 200);
        Api.as("vera").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(URL, WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + DAAN_ORG).then().statusCode(200)
                .body("organisationId", equalTo(DAAN_ORG));

        Api.as("wim").get("/api/subscriptions/" + DAAN_ORG).then().statusCode(404);
        Api.as("vera").get("/api/subscriptions/" + ANNA_ORG).then().statusCode(404);
        Api.as("daan").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + DAAN_ORG)
                .then().statusCode(200).body("webhooks", hasSize(0));
    }

    @Test
    void invalidSubscriptionsAreRefusedFieldByField() {
        String body = """
                {"webhooks":[
                   {"url":"file:///etc/passwd","secret":"whsec_c2hvcnQ=","eventTypes":["referral.renamed"]},
                   {"url":"%s","eventTypes":["referral.requested"]}],
                 "emails":[{"address":"not-an-address","eventTypes":["referral.requested"]}]}""".formatted(URL);
        Api.as("eva").contentType(ContentType.JSON).body(body).put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("emails[0].address"));

        String ruleBreaking = """
                {"webhooks":[
                   {"url":"file:///etc/passwd","secret":"whsec_c2hvcnQ=","eventTypes":["referral.renamed"]},
                   {"url":"%s","eventTypes":["referral.requested"]}]}""".formatted(URL);
        Api.as("eva").contentType(ContentType.JSON).body(ruleBreaking).put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/rule-violation"))
                .body("title", equalTo("Unprocessable request")).body("status", equalTo(422))
                .body("errors.field", hasItems("webhooks[0].url", "webhooks[0].secret", "webhooks[0].eventTypes",
                        "webhooks[1].secret"))
                .body("errors.find { it.field == 'webhooks[0].url' }.message", equalTo("must be an https URL"));

        Api.as("eva").contentType(ContentType.JSON).body("{\"webhooks\": [").put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(400).contentType("application/problem+json");
        // A body of the wrong JSON kind: Quarkus REST's own mapper answered these with a bare 400.
        for (String wrongKind : new String[] {"[]", "\"text\"", "123"}) {
            Api.as("eva").contentType(ContentType.JSON).body(wrongKind).put("/api/subscriptions/" + EVA_ORG)
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void aNulCharacterIsRefusedBeforeItReachesTheDatabase() {
        // PostgreSQL stores U+0000 in neither text nor jsonb: without the guard these were 500s.
        Api.as("eva").contentType(ContentType.JSON)
                .body("{\"emails\":[{\"address\":\"intake\\u0000@gebiedsteam.example.nl\","
                        + "\"eventTypes\":[\"referral.requested\"]}]}")
                .put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("emails[0].address"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        Api.as("eva").urlEncodingEnabled(false).get("/api/subscriptions/" + EVA_ORG + "%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("uri"));
    }
}
