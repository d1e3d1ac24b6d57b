package nl.zorgpad.system.browser;

import static io.restassured.RestAssured.given;

import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.system.RunningSystem;

/** What daan's team does through referral-service's API (as its own software would) before a scenario starts. */
final class DaansTeam {

    private DaansTeam() {
    }

    /** The team opens the referral: a read in the access log. */
    static void hasRead(String referralId) {
        given().baseUri(RunningSystem.url(ZorgpadService.REFERRAL))
                .auth().oauth2(DemoTokens.forUser("daan"))
                .get("/api/referrals/" + referralId)
                .then().statusCode(200);
    }
}
