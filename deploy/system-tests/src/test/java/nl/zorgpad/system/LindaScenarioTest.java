package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Linda (trauma, no network): the safe-contact instructions reach the receiving team and nobody else; other
 * practices, teams and regions see none of it; when she withdraws consent her details are erased, the partner is
 * told, and the privacy officer can list everyone who read her referral.
 */
@ExtendWith(RunningSystem.class)
@Order(2)
class LindaScenarioTest {

    @Test
    void safeContactStaysWithTheTwoEndsAndConsentWithdrawalErasesHerDetails() {
        String referralId = Api.referrals("anna").body(Families.linda(Families.LINDA_BSN))
                .post("/api/referrals").then().statusCode(201)
                .body("handovers[0].partnerId", equalTo("partner-wijkteam-smallingerland"))
                .extract().path("handovers[0].referralId");
        String path = "/api/referrals/" + referralId;

        Api.referrals("daan").get(path).then().statusCode(200)
                .body("client.safeContactInstructions", equalTo(
                        "Only call her own mobile; never send letters; not when the father is around"));

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
