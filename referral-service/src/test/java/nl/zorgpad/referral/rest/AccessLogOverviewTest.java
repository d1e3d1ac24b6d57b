package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static nl.zorgpad.referral.support.Api.unusedBsn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import org.junit.jupiter.api.Test;

/** A client's overview of who saw her data (Wabvpz art. 15d): organisations and roles, never persons. */
@QuarkusTest
class AccessLogOverviewTest {

    private static final String BIRTH_DATE = "2001-03-04";

    @Inject
    AgroalDataSource db;

    @Test
    void theOverviewNamesOrganisationsRolesAndActionsButNoPersons() {
        String name = uniqueName();
        String bsn = unusedBsn();
        Map<String, Object> body = handover(name, "financial-debt");
        part(body, "client").put("bsn", bsn);
        String id = as("anna").body(body).post("/api/referrals").then().statusCode(201).extract()
                .path("handovers[0].referralId");
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        as("eva").get("/api/referrals/" + id).then().statusCode(404);

        String answer = as("pim").queryParam("name", name).queryParam("birthDate", BIRTH_DATE)
                .get("/api/access-log/client-overview").then().statusCode(200)
                .body("accesses.event", equalTo(List.of("create", "read", "read")))
                .body("accesses.organisationId", equalTo(List.of("practice-de-wieken",
                        "partner-wijkteam-smallingerland", "partner-gebiedsteam-opsterland")))
                .body("accesses.role", equalTo(List.of("midwife", "district-team", "district-team")))
                .body("accesses.action", equalTo(List.of("heeft de verwijzing aangemaakt",
                        "heeft de verwijzing bekeken", "heeft de verwijzing bekeken")))
                .body("accesses.outcome", equalTo(List.of("success", "success", "denied")))
                .body("organisations.organisationId", equalTo(List.of("practice-de-wieken",
                        "partner-wijkteam-smallingerland", "partner-gebiedsteam-opsterland")))
                .body("organisations[1].roles", equalTo(List.of("district-team")))
                .body("organisations[1].accesses", equalTo(1))
                .extract().asString();
        for (String person : List.of("anna", "daan", "eva", "pim", "userId", "onBehalfOf", id)) {
            assertEquals(false, answer.contains(person), person + " in " + answer);
        }

        // Compiling it was an access, logged under the officer; the next overview shows it, without her name.
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND user_id = 'pim' "
                + "AND event = 'client-overview' AND organisation_id = 'privacy-office' AND role = 'privacy-officer'",
                UUID.fromString(id)));
        as("pim").queryParam("bsn", bsn).queryParam("name", name).queryParam("birthDate", BIRTH_DATE)
                .get("/api/access-log/client-overview").then().statusCode(200)
                .body("accesses[3].event", equalTo("client-overview"))
                .body("accesses[3].organisationId", equalTo("privacy-office"))
                .body("accesses[3].role", equalTo("privacy-officer"))
                .body("accesses[3].action", equalTo("heeft een overzicht als dit opgesteld"))
                .body("organisations.organisationId", hasItem("privacy-office"));
    }

    @Test
    void aForeignPrivacyOfficerGetsNothingAndLeavesNoRecord() {
        String name = uniqueName();
        String id = as("anna").body(handover(name, "financial-debt")).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");

        as("noor").queryParam("name", name).queryParam("birthDate", BIRTH_DATE)
                .get("/api/access-log/client-overview").then().statusCode(200)
                .body("accesses.size()", equalTo(0))
                .body("organisations.size()", equalTo(0));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND user_id = 'noor'",
                UUID.fromString(id)));
        as("pim").queryParam("name", name).queryParam("birthDate", BIRTH_DATE)
                .get("/api/access-log/client-overview").then().statusCode(200)
                .body("accesses.event", equalTo(List.of("create")));
    }

    @Test
    void badInputIsAProblemNotAnError() {
        as("pim").get("/api/access-log/client-overview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("bsn"))
                .body("errors[0].message", containsString("name and birth date"));
        as("pim").queryParam("bsn", "123456789").get("/api/access-log/client-overview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("bsn"));
        as("pim").queryParam("name", "Meriam").get("/api/access-log/client-overview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("birthDate"));
        as("pim").queryParam("birthDate", BIRTH_DATE).get("/api/access-log/client-overview").then()
                .statusCode(422).body("errors[0].field", equalTo("name"));
        as("pim").queryParam("name", "Meriam").queryParam("birthDate", "4-3-2001")
                .get("/api/access-log/client-overview").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("birthDate"))
                .body("detail", not(containsString("Exception")));
        as("pim").queryParam("referralId", UUID.randomUUID()).get("/api/access-log/client-overview").then()
                .statusCode(422);
    }

    @Test
    void onlyAPrivacyOfficerGetsAnOverview() {
        as("anna").queryParam("bsn", "123456782").get("/api/access-log/client-overview").then().statusCode(403)
                .contentType("application/problem+json");
        as("daan").queryParam("bsn", "123456782").get("/api/access-log/client-overview").then().statusCode(403);
    }
}
