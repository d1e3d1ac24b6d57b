package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.asPracticeSoftware;
import static nl.zorgpad.referral.support.Api.createAsAnna;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.moveWithDetails;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReadAndIsolationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void theReferringPracticeAndTheReceivingTeamReadItWithClientDetails() {
        String name = uniqueName();
        String id = as("anna").body(handover(name, "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        as("anna").get("/api/referrals/" + id).then().statusCode(200)
                .header("ETag", notNullValue())
                .body("client.name", equalTo(name))
                .body("client.safeContact.note", containsString("Only this number"))
                .body("client.safeContact.channels", equalTo(List.of("phone", "home-visit")))
                .body("client.safeContact.phone", equalTo("06 87654321"))
                .body("client.safeContact.times[0].days", equalTo(List.of("monday", "wednesday")))
                .body("client.safeContact.times[0].from", equalTo("09:00"))
                .body("client.safeContact.noMessages", equalTo(true))
                .body("signals[0].note", equalTo("Handover note about financial-debt"))
                .body("allowedTransitions", equalTo(List.of("cancelled")));
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("client.name", equalTo(name))
                .body("client.safeContact.note", containsString("Only this number"))
                .body("client.safeContact.phone", equalTo("06 87654321"))
                .body("allowedTransitions", equalTo(List.of("accepted", "rejected")));
    }

    @Test
    void anotherPracticeAndAnotherTeamGet404NeverA403() {
        String id = createAsAnna("financial-debt");
        as("bea").get("/api/referrals/" + id).then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString("Meriam")));
        as("eva").get("/api/referrals/" + id).then().statusCode(404);
        // and the other way round
        String beas = as("bea").body(handover(uniqueName(), "smoking")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        as("anna").get("/api/referrals/" + beas).then().statusCode(404);
        as("daan").get("/api/referrals/" + beas).then().statusCode(404);
        as("eva").get("/api/referrals/" + beas).then().statusCode(200);
        as("bea").get("/api/referrals/" + beas).then().statusCode(200);
    }

    @Test
    void listsShowOnlyTheOrganisationsOwnReferrals() {
        String annas = createAsAnna("financial-debt");
        String beas = as("bea").body(handover(uniqueName(), "smoking")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        as("anna").get("/api/referrals?size=100").then().statusCode(200)
                .body("items.id", hasItem(annas)).body("items.id", not(hasItem(beas)))
                .body("items.referringPracticeId", everyItem(equalTo("practice-de-wieken")));
        as("bea").get("/api/referrals?size=100").then().statusCode(200)
                .body("items.id", hasItem(beas)).body("items.id", not(hasItem(annas)));
        as("daan").get("/api/referrals?size=100").then().statusCode(200)
                .body("items.id", hasItem(annas)).body("items.id", not(hasItem(beas)))
                .body("items.partnerId", everyItem(equalTo(PathwayStub.SMALLINGERLAND)));
        as("eva").get("/api/referrals?size=100").then().statusCode(200)
                .body("items.id", hasItem(beas)).body("items.id", not(hasItem(annas)))
                .body("items.partnerId", everyItem(equalTo(PathwayStub.OPSTERLAND)));
    }

    @Test
    void vsvAdminAndPrivacyOfficerSeeNoReferrals() {
        String id = createAsAnna("financial-debt");
        as("vera").get("/api/referrals").then().statusCode(403);
        as("vera").get("/api/referrals/" + id).then().statusCode(403);
        as("pim").get("/api/referrals/" + id).then().statusCode(403);
        as("vera").get("/api/referrals/" + id + "/history").then().statusCode(403);
    }

    @Test
    void safeContactRulesAreWithheldFromPracticeColleaguesOfTheReferrer() {
        String id = asPracticeSoftware().body(handover(uniqueName(), "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        as("anna").get("/api/referrals/" + id).then().statusCode(200)
                .body("client.name", notNullValue())
                .body("client.safeContact", nullValue())
                .body("client.phone", notNullValue())
                .body("safeContactWithheld", equalTo(true))
                .body(not(containsString("87654321")));
        as("daan").get("/api/referrals/" + id).then().statusCode(200)
                .body("client.safeContact.note", containsString("Only this number"))
                .body("safeContactWithheld", equalTo(false));
    }

    @Test
    void listsShowThatSafeContactRulesExistButNotTheRules() {
        String withRules = createAsAnna("financial-debt");
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("safeContact", null);
        String withoutRules = as("anna").body(body).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        for (String user : List.of("anna", "daan")) {
            var list = as(user).get("/api/referrals?size=100").then().statusCode(200)
                    .body(not(containsString("87654321"))).body(not(containsString("Only this number")));
            list.body("items.find { it.id == '" + withRules + "' }.hasSafeContact", equalTo(true))
                    .body("items.find { it.id == '" + withoutRules + "' }.hasSafeContact", equalTo(false));
        }
    }

    @Test
    void listsFilterOnStatusSignalOverdueAndDates() {
        String accepted = createAsAnna("psychological");
        moveWithDetails("daan", accepted, "accepted").statusCode(200);
        String requested = createAsAnna("poverty-income");
        as("daan").get("/api/referrals?status=accepted&size=100").then().statusCode(200)
                .body("items.id", hasItem(accepted)).body("items.id", not(hasItem(requested)))
                .body("items.status", everyItem(equalTo("accepted")));
        as("daan").get("/api/referrals?signal=poverty-income&size=100").then().statusCode(200)
                .body("items.id", hasItem(requested)).body("items.id", not(hasItem(accepted)));
        as("daan").get("/api/referrals?overdue=false&size=100").then().statusCode(200)
                .body("items.id", hasItem(requested));
        as("daan").get("/api/referrals?overdue=true&size=100").then().statusCode(200)
                .body("items.id", not(hasItem(requested)));
        as("daan").get("/api/referrals?from=2000-01-01&to=2000-12-31").then().statusCode(200)
                .body("total", equalTo(0));
        as("daan").get("/api/referrals?status=done").then().statusCode(422)
                .body("errors[0].field", equalTo("status"));
        as("daan").get("/api/referrals?size=1000").then().statusCode(422);
    }

    @Test
    void everyReadAndListIsInTheAccessLog() {
        String id = createAsAnna("financial-debt");
        UUID uuid = UUID.fromString(id);
        as("daan").get("/api/referrals/" + id).then().statusCode(200);
        as("anna").get("/api/referrals/" + id).then().statusCode(200);
        as("anna").get("/api/referrals/" + id + "/history").then().statusCode(200);
        as("daan").get("/api/referrals?size=100").then().statusCode(200);
        as("eva").get("/api/referrals/" + id).then().statusCode(404);
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'read' "
                + "AND user_id = 'daan' AND organisation_id = ? AND outcome = 'success' "
                + "AND client_name_pseudonym IS NOT NULL", uuid, PathwayStub.SMALLINGERLAND));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'read' "
                + "AND user_id = 'anna'", uuid));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? "
                + "AND event = 'read-history' AND user_id = 'anna'", uuid));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'list' "
                + "AND user_id = 'daan'", uuid));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'read' "
                + "AND user_id = 'eva' AND outcome = 'denied'", uuid));
    }

    @Test
    void aListPageRecordsOneListAccessPerReferralWithTheCallersUserAndOrganisation() {
        createAsAnna("financial-debt");
        createAsAnna("financial-debt");
        createAsAnna("financial-debt");
        long before = Db.count(db, "SELECT coalesce(max(id), 0) FROM access_log");
        List<String> ids = as("daan").get("/api/referrals?size=3").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class);
        assertEquals(3, ids.size());
        assertEquals(3, Db.count(db, "SELECT count(*) FROM access_log WHERE id > ?", before));
        for (String id : ids) {
            assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log a JOIN referral r ON r.id = a.referral_id "
                    + "WHERE a.id > ? AND a.referral_id = ? AND a.event = 'list' AND a.user_id = 'daan' "
                    + "AND a.organisation_id = ? AND a.on_behalf_of = 'daan' AND a.outcome = 'success' "
                    + "AND a.client_bsn_pseudonym IS NOT DISTINCT FROM r.client_bsn_pseudonym "
                    + "AND a.client_name_pseudonym = r.client_name_pseudonym", before, UUID.fromString(id),
                    PathwayStub.SMALLINGERLAND), id);
        }
    }

    @Test
    void anEmptyListPageRecordsNoAccess() {
        long before = Db.count(db, "SELECT coalesce(max(id), 0) FROM access_log");
        as("daan").get("/api/referrals?from=2000-01-01&to=2000-12-31").then().statusCode(200)
                .body("total", equalTo(0));
        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE id > ?", before));
    }
}
