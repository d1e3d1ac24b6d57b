package nl.zorgpad.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tiny and Leo (young parents in Ooststellingwerf, Leo smokes): smoking has a route, teen parenthood has none
 * there. The midwife is told the gap in so many words, and the VSV's coverage report shows the same white spot.
 * When the stop-smoking coach turns the referral down, the midwife hands it to the pathway's next alternative in one
 * call.
 */
@ExtendWith(RunningSystem.class)
@Order(3)
class TinyAndLeoScenarioTest {

    @Test
    void aSignalWithoutRouteIsAStatedGapThatTheCoverageReportShowsToo() {
        String referralId = Api.referrals("anna").body(Families.tinyAndLeo(Families.TINY_BSN))
                .post("/api/referrals").then().statusCode(201)
                .body("municipalityCode", equalTo("GM0085"))
                .body("handovers", hasSize(1))
                .body("handovers[0].partnerId", equalTo("partner-rookvrije-start"))
                .body("handovers[0].signalCodes", equalTo(List.of("smoking")))
                .body("gaps", hasSize(1))
                .body("gaps[0].signalType", equalTo("teen-parent"))
                .body("gaps[0].gap", notNullValue())
                .extract().path("handovers[0].referralId");

        Api.pathway("vera").get("/api/regions/region-zuidoost-friesland/coverage").then().statusCode(200)
                .body("cells.findAll { it.signalType == 'teen-parent' && it.municipalityCode == 'GM0085' }.status",
                        hasItem("not-routed"))
                .body("cells.findAll { it.signalType == 'teen-parent' && it.municipalityCode == 'GM0085' }.status",
                        not(hasItem("routed")))
                .body("cells.findAll { it.signalType == 'smoking' && it.municipalityCode == 'GM0085' }.status",
                        not(hasItem("not-routed")));

        // The coach has no room this month; the midwife hands over to the next alternative: the JGZ nurse.
        Api.changeStatus("rik", referralId, """
                {"status":"rejected","reasonCode":"no-capacity","reasonText":"No coach free before the birth"}""");
        String rerouted = Api.referrals("anna").body("{}").post("/api/referrals/" + referralId + "/reroute")
                .then().statusCode(201)
                .body("handovers", hasSize(1))
                .body("handovers[0].partnerId", equalTo("partner-jgz-fryslan"))
                .body("handovers[0].signalCodes", equalTo(List.of("smoking")))
                .body("handovers[0].previousReferralId", equalTo(referralId))
                .extract().path("handovers[0].referralId");

        Api.referrals("anna").get("/api/referrals/" + referralId + "/history").then().statusCode(200)
                .body("find { it.toStatus == 'rejected' }.reasonCode", equalTo("no-capacity"));
        Api.referrals("anna").body("{}").post("/api/referrals/" + referralId + "/reroute").then().statusCode(409)
                .contentType("application/problem+json");
        // The coach no longer sees the new handover; nobody outside the two ends sees either of them.
        Api.referrals("rik").get("/api/referrals/" + rerouted).then().statusCode(404);
        for (String outsider : List.of("bea", "eva", "daan")) {
            Api.referrals(outsider).get("/api/referrals/" + referralId).then().statusCode(404);
            Api.referrals(outsider).get("/api/referrals/" + rerouted).then().statusCode(404);
        }
    }
}
