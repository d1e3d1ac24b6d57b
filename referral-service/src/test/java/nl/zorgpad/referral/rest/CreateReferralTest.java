package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.asPracticeSoftware;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import nl.zorgpad.referral.domain.DutchWorkingDays;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.PathwayStub;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CreateReferralTest {

    @Inject
    AgroalDataSource db;

    private long referrals() {
        return Db.count(db, "SELECT count(*) FROM referral");
    }

    @Test
    void signalsForTheSamePartnerBecomeOneHandoverAndGapsAreStated() {
        String name = uniqueName();
        Response response = as("anna").body(handover(name, "financial-debt", "psychological", "smoking",
                        "teen-parent"))
                .post("/api/referrals");
        response.then().statusCode(201)
                .header("Location", containsString("/api/referrals/"))
                .body("phase", equalTo("pregnancy"))
                .body("municipalityCode", equalTo("GM0090"))
                .body("handovers", hasSize(2))
                .body("handovers[0].partnerId", equalTo(PathwayStub.SMALLINGERLAND))
                .body("handovers[0].signalCodes", equalTo(List.of("financial-debt", "psychological")))
                .body("handovers[0].status", equalTo("requested"))
                .body("handovers[0].contactPoint.phone", equalTo("0512 000000"))
                .body("handovers[0].instruction", containsString("Sociaal Wijkteam Smallingerland"))
                .body("handovers[0].pathwayId", equalTo("pw-" + PathwayStub.SMALLINGERLAND))
                .body("handovers[0].pathwayVersion", equalTo(3))
                .body("handovers[0].partnerOverride", equalTo(false))
                .body("handovers[1].partnerId", equalTo(PathwayStub.OPSTERLAND))
                .body("handovers[1].signalCodes", equalTo(List.of("smoking")))
                .body("gaps", hasSize(1))
                .body("gaps[0].signalType", equalTo("teen-parent"))
                .body("gaps[0].gap", containsString("No pathway"));
        String first = response.path("handovers[0].referralId");
        assertTrue(response.header("Location").endsWith("/api/referrals/" + first));
        assertEquals("/api/referrals/" + first, response.path("handovers[0].location"));
        LocalDate expected = DutchWorkingDays.addWorkingDays(LocalDate.now(ZoneId.of("Europe/Amsterdam")), 5);
        assertEquals(expected.toString(), response.path("handovers[0].acknowledgeDeadline"));
        assertEquals("practice-de-wieken", Db.text(db,
                "SELECT referring_practice_id FROM referral WHERE id = ?", UUID.fromString(first)));
        assertEquals("region-zuidoost-friesland", Db.text(db,
                "SELECT region_id FROM referral WHERE id = ?", UUID.fromString(first)));
        assertEquals(2, Db.count(db, "SELECT count(*) FROM referral_history WHERE referral_id IN (?, ?)",
                UUID.fromString(first), UUID.fromString(response.path("handovers[1].referralId"))));
    }

    @Test
    void routesAreResolvedWithTheServicesOwnTokenNotTheMidwifes() {
        as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
        String authorization = PathwayStub.lastAuthorization();
        assertTrue(authorization.startsWith("Bearer "), authorization);
        String payload = new String(Base64.getUrlDecoder().decode(authorization.substring(7).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(payload.contains("\"azp\":\"referral-service\""), payload);
        assertTrue(!payload.contains("\"preferred_username\":\"anna\""), payload);
    }

    @Test
    void aServiceTokenThatPathwayServiceRefusesIsReplacedNotCountedAsAnOutage() {
        as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
        PathwayStub.refuseTheNextToken();
        // More creates than the circuit breaker's request volume: were the refusal retried with the same token or
        // counted as the peer being down, a create would answer 503.
        for (int i = 0; i < 12; i++) {
            as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
        }
        String refused = PathwayStub.refusedAuthorization();
        assertTrue(refused.startsWith("Bearer "), refused);
        assertNotEquals(refused, PathwayStub.lastAuthorization());
    }

    @Test
    void practiceSoftwareCreatesForItsOwnPracticeWhateverTheBodySays() {
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        body.put("referringPracticeId", "practice-het-anker");
        String id = asPracticeSoftware().body(body).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        assertEquals("practice-de-wieken", Db.text(db,
                "SELECT referring_practice_id FROM referral WHERE id = ?", UUID.fromString(id)));
        as("bea").get("/api/referrals/" + id).then().statusCode(404);
        as("anna").get("/api/referrals/" + id).then().statusCode(200);
    }

    @Test
    void aDistrictTeamCannotCreate() {
        as("daan").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(403);
    }

    private void assertRefused(String field, Consumer<Map<String, Object>> breakIt) {
        long before = referrals();
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        breakIt.accept(body);
        as("anna").body(body).post("/api/referrals").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", startsWith("https://zorgpad.nl/problems/"))
                .body("status", equalTo(422))
                .body("errors.field", hasItem(field));
        assertEquals(before, referrals(), "nothing stored for " + field);
    }

    @Test
    void aNulCharacterIsRefusedBeforeItReachesTheDatabase() {
        // PostgreSQL stores U+0000 in neither text nor jsonb: without the guard these were 500s.
        long before = referrals();
        Map<String, Object> body = handover(uniqueName() + "\u0000", "financial-debt");
        as("anna").body(body).post("/api/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("client.name"))
                .body("errors[0].message", equalTo("must not contain the NUL character (U+0000)"));
        assertEquals(before, referrals(), "nothing stored");
        as("anna").urlEncodingEnabled(false).get("/api/referrals?signal=financial-debt%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("uri"));
        as("daan").urlEncodingEnabled(false).get("/api/referrals/export?signal=%00").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anInvalidBsnIsRefusedWithAFieldError() {
        assertRefused("client.bsn", b -> part(b, "client").put("bsn", "123456789"));
    }

    @Test
    void aValidBsnIsAccepted() {
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("bsn", "123456782");
        as("anna").body(body).post("/api/referrals").then().statusCode(201);
    }

    @Test
    void noConsentIsRefused() {
        assertRefused("consent", b -> b.remove("consent"));
    }

    @Test
    void consentThatDoesNotCoverThePartnerKindIsRefused() {
        long before = referrals();
        Map<String, Object> body = handover(uniqueName(), "domestic-violence");
        as("anna").body(body).post("/api/referrals").then().statusCode(422)
                .body("errors[0].field", equalTo("consent.partnerKinds"))
                .body("errors[0].message", containsString("veilig-thuis"));
        assertEquals(before, referrals());
    }

    @Test
    void consentThatDoesNotCoverTheDataCarriedIsRefused() {
        assertRefused("consent.dataCategories",
                b -> part(b, "consent").put("dataCategories", List.of("identity", "contact", "signals", "language")));
    }

    @Test
    void consentWithoutMethodOrGivenInTheFutureIsRefused() {
        assertRefused("consent.method", b -> part(b, "consent").put("method", "assumed"));
        assertRefused("consent.givenAt", b -> part(b, "consent").put("givenAt", "2099-01-01T00:00:00Z"));
        assertRefused("consent.partnerKinds", b -> part(b, "consent").put("partnerKinds", List.of()));
        assertRefused("consent.partnerKinds", b -> part(b, "consent").put("partnerKinds", List.of("neighbour")));
        assertRefused("consent.dataCategories", b -> part(b, "consent").put("dataCategories", List.of("diary")));
    }

    @Test
    void clientFieldsAreValidated() {
        assertRefused("client", b -> b.remove("client"));
        assertRefused("client.name", b -> part(b, "client").put("name", " "));
        assertRefused("client.birthDate", b -> part(b, "client").put("birthDate", null));
        assertRefused("client.birthDate", b -> part(b, "client").put("birthDate", "2099-01-01"));
        assertRefused("client.postcode", b -> part(b, "client").put("postcode", "12345"));
        assertRefused("client.houseNumber", b -> part(b, "client").put("houseNumber", null));
        assertRefused("client.email", b -> part(b, "client").put("email", "not-an-address"));
        assertRefused("client.phone", b -> {
            part(b, "client").put("phone", null);
            part(b, "client").put("email", null);
        });
    }

    @Test
    void safeContactRulesAreValidated() {
        assertRefused("client.safeContact.channels", b -> safe(b).put("channels", List.of()));
        assertRefused("client.safeContact.channels", b -> safe(b).put("channels", List.of("phone", "phone")));
        assertRefused("client.safeContact.channels[1]", b -> safe(b).put("channels", List.of("phone", "pigeon")));
        assertRefused("client.safeContact.phone", b -> safe(b).put("phone", "call me"));
        assertRefused("client.safeContact.note", b -> safe(b).put("note", "x".repeat(1001)));
        assertRefused("client.safeContact.times[0].days", b -> time(b).put("days", List.of()));
        assertRefused("client.safeContact.times[0].days[0]", b -> time(b).put("days", List.of("someday")));
        assertRefused("client.safeContact.times[0].from", b -> time(b).put("from", "25:00"));
        assertRefused("client.safeContact.times[0].until", b -> time(b).put("until", "08:30"));
        assertRefused("client.safeContact.phone", b -> {
            safe(b).put("phone", null);
            part(b, "client").put("phone", null);
        });
        assertRefused("client.email", b -> {
            safe(b).put("channels", List.of("email"));
            part(b, "client").put("email", null);
        });
    }

    @Test
    void safeContactRulesNeedConsentForThemAndAreReadOnlyAsAnObject() {
        assertRefused("consent.dataCategories", b -> part(b, "consent")
                .put("dataCategories", List.of("identity", "contact", "signals", "language")));
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("safeContact", "only this number");
        as("anna").body(body).post("/api/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("client.safeContact"));
        body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("safeContact", null);
        part(body, "consent").put("dataCategories", List.of("identity", "contact", "signals", "language"));
        as("anna").body(body).post("/api/referrals").then().statusCode(201);
    }

    private static Map<String, Object> safe(Map<String, Object> body) {
        return part(part(body, "client"), "safeContact");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> time(Map<String, Object> body) {
        return ((List<Map<String, Object>>) safe(body).get("times")).get(0);
    }

    @Test
    void pregnancyContextIsValidated() {
        assertRefused("pregnancy", b -> b.remove("pregnancy"));
        assertRefused("pregnancy.dueDate", b -> part(b, "pregnancy").put("birthDate",
                LocalDate.now().minusMonths(1).toString()));
        assertRefused("pregnancy.vulnerability", b -> part(b, "pregnancy").put("vulnerability", "fine"));
        assertRefused("pregnancy.urgency", b -> part(b, "pregnancy").put("urgency", "asap"));
        assertRefused("pregnancy.birthDate", b -> {
            part(b, "pregnancy").put("dueDate", null);
            part(b, "pregnancy").put("birthDate", LocalDate.now().minusYears(3).toString());
        });
    }

    @Test
    void signalsAreValidated() {
        assertRefused("signals", b -> b.put("signals", List.of()));
        assertRefused("signals[1].code", b -> {
            @SuppressWarnings("unchecked")
            List<Object> signals = new ArrayList<>((List<Object>) b.get("signals"));
            signals.add(Map.of("code", "financial-debt", "note", "again"));
            b.put("signals", signals);
        });
        assertRefused("signals[0].note", b -> b.put("signals", List.of(Map.of("code", "financial-debt"))));
        assertRefused("signals[0].code", b -> b.put("signals", List.of(Map.of("code", "Debts!", "note", "x"))));
    }

    @Test
    void referrerIsValidated() {
        assertRefused("referrer", b -> b.remove("referrer"));
        assertRefused("referrer.phone", b -> part(b, "referrer").put("phone", null));
        assertRefused("referrer.role", b -> part(b, "referrer").put("role", ""));
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("bsn", "1");
        part(body, "client").put("phone", null); // a rule across fields: a phone number or an e-mail address
        part(body, "client").put("email", null);
        part(body, "pregnancy").put("urgency", null);
        body.remove("referrer");
        as("anna").body(body).post("/api/referrals").then().statusCode(422)
                .body("errors.field", equalTo(List.of("client.bsn", "client.phone", "pregnancy.urgency", "referrer")));
    }

    @Test
    void unreadableJsonIsA400ProblemNotA500() {
        as("anna").body("{\"client\": ").post("/api/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400))
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("birthDate", "4 March 2001");
        as("anna").body(body).post("/api/referrals").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("client.birthDate"));
    }

    @Test
    void noRouteForAnySignalIsRefusedWithTheGapsStated() {
        long before = referrals();
        as("anna").body(handover(uniqueName(), "teen-parent")).post("/api/referrals").then().statusCode(422)
                .body("type", equalTo("https://zorgpad.nl/problems/no-route"))
                .body("gaps[0].signalType", equalTo("teen-parent"));
        assertEquals(before, referrals());
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheSameAnswerAndStoresOnce() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = handover(uniqueName(), "financial-debt", "smoking");
        long before = referrals();
        Response first = as("anna").header("Idempotency-Key", key).body(body).post("/api/referrals");
        first.then().statusCode(201);
        Response retry = as("anna").header("Idempotency-Key", key).body(body).post("/api/referrals");
        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .body("handovers.referralId", equalTo(first.path("handovers.referralId")));
        assertEquals(before + 2, referrals());
    }

    @Test
    void theSameKeyWithADifferentBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        as("anna").header("Idempotency-Key", key).body(handover(uniqueName(), "financial-debt"))
                .post("/api/referrals").then().statusCode(201);
        long before = referrals();
        as("anna").header("Idempotency-Key", key).body(handover(uniqueName(), "financial-debt"))
                .post("/api/referrals").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertEquals(before, referrals());
    }

    @Test
    void anOpenReferralForTheSameClientSignalAndPartnerIsAConflictPointingAtIt() {
        String name = uniqueName();
        Map<String, Object> body = handover(name, "financial-debt");
        String existing = as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
        long before = referrals();
        Map<String, Object> again = handover(name.toUpperCase(), "psychological", "financial-debt");
        as("anna").body(again).post("/api/referrals").then().statusCode(409)
                .contentType("application/problem+json")
                .body("existingReferralId", equalTo(existing))
                .body("existing", equalTo("/api/referrals/" + existing));
        assertEquals(before, referrals());
        // another partner for the same client is fine
        as("anna").body(handover(name, "smoking")).post("/api/referrals").then().statusCode(201);
    }

    /** A BSN with a leading zero may be written with eight digits, and with spaces around it: the same person. */
    @Test
    void theSameBsnUnderAnotherSpellingIsStillADuplicate() {
        Map<String, Object> body = handover(uniqueName(), "smoking");
        part(body, "client").put("bsn", "099990015");
        String existing = as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .extract().path("handovers[0].referralId");
        long before = referrals();
        Map<String, Object> again = handover(uniqueName(), "smoking");
        part(again, "client").put("bsn", " 99990015 ");
        as("anna").body(again).post("/api/referrals").then().statusCode(409)
                .body("type", equalTo("https://zorgpad.nl/problems/duplicate"))
                .body("existingReferralId", equalTo(existing));
        assertEquals(before, referrals());
    }

    @Test
    void whenPathwayServiceIsDownTheAnswerIs503AndNothingIsStored() {
        long before = referrals();
        long outbox = Db.count(db, "SELECT count(*) FROM outbox_event");
        PathwayStub.goDown();
        try {
            as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://zorgpad.nl/problems/pathway-unavailable"))
                    .body("detail", containsString("nothing was stored"));
        } finally {
            PathwayStub.comeUp();
        }
        assertEquals(before, referrals());
        assertEquals(outbox, Db.count(db, "SELECT count(*) FROM outbox_event"));
        // once pathway-service is back, creating works again (the circuit breaker did not stay open)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals")
                        .statusCode() == 201);
    }

    @Test
    void aSignalTypePathwayServiceDoesNotKnowIsA422NotA503() {
        long before = referrals();
        for (int i = 0; i < 12; i++) {
            as("anna").body(handover(uniqueName(), "unknown-signal")).post("/api/referrals").then()
                    .statusCode(422)
                    .body("errors[0].field", equalTo("signals"))
                    .body("errors[0].message", containsString("Unknown signal type unknown-signal"));
        }
        assertEquals(before, referrals());
        // refusals do not open the circuit breaker
        as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals").then().statusCode(201);
    }

    @Test
    void aNamedPartnerIsRecordedAsAnOverride() {
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        body.put("partnerId", PathwayStub.OPSTERLAND);
        as("anna").body(body).post("/api/referrals").then().statusCode(201)
                .body("handovers", hasSize(1))
                .body("handovers[0].partnerId", equalTo(PathwayStub.OPSTERLAND))
                .body("handovers[0].partnerOverride", equalTo(true));
        Map<String, Object> unknown = handover(uniqueName(), "financial-debt");
        unknown.put("partnerId", "partner-nowhere");
        as("anna").body(unknown).post("/api/referrals").then().statusCode(422)
                .body("errors[0].field", equalTo("partnerId"));
    }

    @Test
    void aCreateWritesARequestedEventToTheOutboxInTheSameTransaction() {
        String id = as("anna").body(handover(uniqueName(), "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        assertEquals(1, Db.count(db, "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? "
                + "AND type = 'referral.requested'", UUID.fromString(id)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'create' "
                + "AND user_id = 'anna' AND organisation_id = 'practice-de-wieken'", UUID.fromString(id)));
    }

    @Test
    void theAnswerCarriesNoStackTraceForUnknownPaths() {
        as("anna").get("/api/referrals/not-a-uuid").then().statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("Exception")));
        as("anna").get("/api/referrals/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
