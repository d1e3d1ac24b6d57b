package nl.zorgpad.system;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tiny and Leo (young parents in Ooststellingwerf, Leo smokes): smoking has a route, teen parenthood has none
 * there. The midwife is told the gap in so many words, and the VSV's coverage report shows the same white spot.
 */
@ExtendWith(RunningSystem.class)
@Order(3)
class TinyAndLeoScenarioTest {

    @Test
    void aSignalWithoutRouteIsAStatedGapThatTheCoverageReportShowsToo() {
        Api.referrals("anna").body(Families.tinyAndLeo(Families.TINY_BSN))
                .post("/api/referrals").then().statusCode(201)
                .body("municipalityCode", equalTo("GM0085"))
                .body("handovers", hasSize(1))
                .body("handovers[0].partnerId", equalTo("partner-rookvrije-start"))
                .body("handovers[0].signalCodes", equalTo(java.util.List.of("smoking")))
                .body("gaps", hasSize(1))
                .body("gaps[0].signalType", equalTo("teen-parent"))
                .body("gaps[0].gap", notNullValue());

        Api.pathway("vera").get("/api/regions/region-zuidoost-friesland/coverage").then().statusCode(200)
                .body("cells.findAll { it.signalType == 'teen-parent' && it.municipalityCode == 'GM0085' }.status",
                        hasItem("not-routed"))
                .body("cells.findAll { it.signalType == 'teen-parent' && it.municipalityCode == 'GM0085' }.status",
                        not(hasItem("routed")))
                .body("cells.findAll { it.signalType == 'smoking' && it.municipalityCode == 'GM0085' }.status",
                        not(hasItem("not-routed")));
    }
}
