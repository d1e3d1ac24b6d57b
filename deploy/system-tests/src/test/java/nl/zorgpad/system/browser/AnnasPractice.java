package nl.zorgpad.system.browser;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.system.RunningSystem;

/**
 * What anna's practice has sent before a scenario starts: a referral made through referral-service's API (as the
 * practice software would), for scenarios about what happens to it afterwards in the console.
 */
final class AnnasPractice {

    private AnnasPractice() {
    }

    /** Anna refers the family for money worries to daan's team; answers the referral's id. */
    static String hasReferred(Family family) {
        return hasReferred(family, null);
    }

    /** The same with the client's BSN (null: none), for the scenarios that look a client up by it. */
    static String hasReferred(Family family, String bsn) {
        return given().baseUri(RunningSystem.url(ZorgpadService.REFERRAL))
                .auth().oauth2(DemoTokens.forUser("anna"))
                .contentType(ContentType.JSON)
                .body("""
                        {"client":{"name":"%s","birthDate":"%s","bsn":%s,"phone":"%s","postcode":"%s",
                          "houseNumber":"%s","preferredLanguage":"nl"},
                         "pregnancy":{"dueDate":"%s","vulnerability":"vulnerable","urgency":"routine"},
                         "signals":[{"code":"financial-debt","note":"Achterstand met de huur en de energierekening"}],
                         "consent":{"givenBy":"client","givenAt":"%s","method":"verbal",
                          "partnerKinds":["district-team"],
                          "dataCategories":["identity","contact","signals","language"]},
                         "referrer":{"name":"Anna de Vries","role":"midwife","phone":"0512 123456"}}"""
                        .formatted(family.name(), family.birthDate(), bsn == null ? "null" : "\"" + bsn + "\"",
                                family.phone(), family.postcode(),
                                family.houseNumber(), LocalDate.now().plusWeeks(20),
                                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)))
                .post("/api/referrals")
                .then().statusCode(201)
                .body("handovers[0].partnerId", equalTo("partner-wijkteam-smallingerland"))
                .extract().path("handovers[0].referralId");
    }
}
