package nl.zorgpad.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Linda (trauma, no network): her safe-contact rules reach the receiving team and the midwife, and no list, webhook
 * or inbox item; other practices, teams and regions see none of it; when she withdraws consent her details are
 * erased, the partner is told, and the privacy officer can list everyone who read her referral.
 */
@ExtendWith(RunningSystem.class)
@Order(2)
class LindaScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    @Test
    void safeContactStaysWithTheTwoEndsAndConsentWithdrawalErasesHerDetails() {
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested");
            lindasReferral(teamSystem);
        }
    }

    private static void lindasReferral(WebhookReceiver teamSystem) {
        String referralId = Api.referrals("anna").body(Families.linda(Families.LINDA_BSN))
                .post("/api/referrals").then().statusCode(201)
                .body("handovers[0].partnerId", equalTo(TEAM))
                .extract().path("handovers[0].referralId");
        String path = "/api/referrals/" + referralId;

        // The receiving team and the midwife who referred read the rules; lists show only that they exist.
        for (String user : List.of("daan", "anna")) {
            Api.referrals(user).get(path).then().statusCode(200)
                    .body("client.safeContact.note", equalTo(Families.LINDA_SAFE_NOTE))
                    .body("client.safeContact.channels", equalTo(List.of("phone", "text-message")))
                    .body("client.safeContact.noMessages", equalTo(true));
            Api.referrals(user).get("/api/referrals?size=100").then().statusCode(200)
                    .body("items.find { it.id == '" + referralId + "' }.hasSafeContact", equalTo(true))
                    .body(not(containsString(Families.LINDA_SAFE_NOTE)))
                    .body(not(containsString("06 11223344")));
        }
        // Nor do the notifications carry them: the webhook to the team's system and the inbox.
        await().atMost(Duration.ofSeconds(30)).until(() -> teamSystem.received().stream()
                .anyMatch(r -> r.body().contains(referralId)));
        teamSystem.received().forEach(r -> assertFalse(r.body().contains(Families.LINDA_SAFE_NOTE)
                || r.body().contains("11223344") || r.body().contains("Linda"), r.body()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.notifications("daan").get("/api/inbox")
                .then().body("items.referralId", hasItem(referralId))
                .body(not(containsString(Families.LINDA_SAFE_NOTE))).body(not(containsString("11223344"))));

        // Notified pull: the webhook names the Task, and the team's FHIR client pulls it with its own token.
        String told = teamSystem.received().stream().filter(r -> r.body().contains(referralId)).findFirst()
                .orElseThrow().body();
        String task = JsonPath.from(told).getString("data.fhirTask");
        assertTrue(task.endsWith("/fhir/Task/" + referralId), task);
        given().auth().oauth2(DemoTokens.forUser("daan")).accept("application/fhir+json").get(task).then().statusCode(200).body("status", equalTo("requested"))
                .body("owner.reference", equalTo("Organization/" + TEAM));
        Api.notifications("daan").get("/api/inbox").then()
                .body("items.find { it.referralId == '" + referralId + "' }.fhirTask", equalTo(task));

        // Isolation across services: another practice, another team, another region.
        Api.referrals("bea").get(path).then().statusCode(404);
        Api.referrals("eva").get(path).then().statusCode(404);
        Api.referrals("eva").get("/api/referrals").then().statusCode(200)
                .body("items.id", not(hasItem(referralId)));
        Api.notifications("eva").get("/api/inbox").then().statusCode(200)
                .body("items.referralId", not(hasItem(referralId)));
        Api.pathway("wim").get("/api/regions/region-zuidoost-friesland/coverage").then().statusCode(404);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.notifications("daan").get("/api/inbox")
                .then().body("items.referralId", hasItem(referralId)));

        Api.referrals("anna").post(path + "/consent-withdrawal").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        Api.referrals("daan").get(path).then().statusCode(200)
                .body("detailsErased", equalTo(true))
                .body("client", nullValue());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.notifications("daan").get("/api/inbox")
                .then().body("items.findAll { it.referralId == '" + referralId + "' }.eventType",
                        hasItem("referral.consent-withdrawn")));

        List<String> readers = Api.referrals("pim").queryParam("referralId", referralId).get("/api/access-log")
                .then().statusCode(200).extract().path("userId");
        org.hamcrest.MatcherAssert.assertThat(readers, hasItems("anna", "daan"));
    }
}
