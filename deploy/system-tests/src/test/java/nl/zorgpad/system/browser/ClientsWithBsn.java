package nl.zorgpad.system.browser;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.system.RunningSystem;

/**
 * Referrals of anna's practice for a client with a BSN, made through referral-service's API (as the practice software
 * would): for the privacy officer's scenarios, which look a client up by her BSN. Every call of {@link #newBsn()}
 * gives a BSN of its own, so a scenario never meets another run's client.
 */
final class ClientsWithBsn {

    private ClientsWithBsn() {
    }

    /** Anna refers the family (money worries) to daan's team, with the client's BSN; answers the referral's id. */
    static String annaHasReferred(Family family, String bsn) {
        return given().baseUri(RunningSystem.url(ZorgpadService.REFERRAL))
                .auth().oauth2(DemoTokens.forUser("anna"))
                .contentType(ContentType.JSON)
                .body("""
                        {"client":{"name":"%s","birthDate":"%s","bsn":"%s","phone":"%s","postcode":"%s",
                          "houseNumber":"%s","preferredLanguage":"nl"},
                         "pregnancy":{"dueDate":"%s","vulnerability":"vulnerable","urgency":"routine"},
                         "signals":[{"code":"financial-debt","note":"Achterstand met de huur en de energierekening"}],
                         "consent":{"givenBy":"client","givenAt":"%s","method":"verbal",
                          "partnerKinds":["district-team"],
                          "dataCategories":["identity","contact","signals","language"]},
                         "referrer":{"name":"Anna de Vries","role":"midwife","phone":"0512 123456"}}"""
                        .formatted(family.name(), family.birthDate(), bsn, family.phone(), family.postcode(),
                                family.houseNumber(), LocalDate.now().plusWeeks(20),
                                Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS)))
                .post("/api/referrals")
                .then().statusCode(201)
                .body("handovers[0].partnerId", equalTo("partner-wijkteam-smallingerland"))
                .extract().path("handovers[0].referralId");
    }

    /** Daan's team opens the referral through the API (as its own software would): a read in the access log. */
    static void daanHasRead(String referralId) {
        given().baseUri(RunningSystem.url(ZorgpadService.REFERRAL))
                .auth().oauth2(DemoTokens.forUser("daan"))
                .get("/api/referrals/" + referralId)
                .then().statusCode(200);
    }

    /** A random BSN that passes the 11-check: 9d1 + 8d2 + ... + 2d8 - d9 is a non-zero multiple of 11. */
    static String newBsn() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                digits[i] = i == 0 ? 1 + random.nextInt(9) : random.nextInt(10);
                sum += digits[i] * (9 - i);
            }
            digits[8] = sum % 11;
            if (digits[8] < 10 && sum != digits[8]) {
                StringBuilder bsn = new StringBuilder();
                for (int digit : digits) {
                    bsn.append(digit);
                }
                return bsn.toString();
            }
        }
    }
}
