package nl.zorgpad.pathway.rest;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RouteResolveTest {

    @Inject
    AgroalDataSource db;

    private static final String RESOLVE = "/api/routes/resolve";
    private static boolean ready;

    @BeforeEach
    void data() {
        if (ready) {
            return;
        }
        Fixtures.regions();
        Fixtures.partner("rt-wijkteam-smallingerland", "district-team", List.of("GM0090"), "open");
        Fixtures.partner("rt-wijkteam-opsterland", "district-team", List.of("GM0086"), "open");
        Fixtures.partner("rt-ggz-region", "mental-health", List.of(), "open");
        Fixtures.partner("rt-closed-debt", "debt-counselling", List.of("GM0090"), "closed");
        Fixtures.partner("rt-regional-debt", "debt-counselling", List.of(), "open");
        Fixtures.partner("rt-stoppen", "programme", List.of(), "waitlist");
        Fixtures.partner("rt-sn-first", "other", List.of("GM0090"), "open");
        Fixtures.publishedPathway("financial-debt", List.of(
                rule(Map.of("municipalities", List.of("GM0090"),
                        "vulnerabilities", List.of("vulnerable", "very-vulnerable")), "rt-closed-debt", "debt first"),
                rule(Map.of("municipalities", List.of("GM0090")), "rt-wijkteam-smallingerland", "child package"),
                rule(Map.of(), "rt-regional-debt", "regional debt counselling")));
        Fixtures.publishedPathway("psychological", List.of(
                rule(Map.of("phases", List.of("pregnancy"), "vulnerabilities", List.of("vulnerable",
                        "very-vulnerable")), "rt-ggz-region", "perinatal mental health"),
                rule(Map.of("municipalities", List.of("GM0090")), "rt-wijkteam-smallingerland", "talk first")));
        Fixtures.publishedPathway("smoking", List.of(rule(Map.of(), "rt-stoppen", "stop-smoking coach")));
        Fixtures.publishedPathway("trauma", List.of(
                rule(Map.of("municipalities", List.of("GM0086")), "rt-wijkteam-opsterland", "opsterland only")));
        Fixtures.publishedPathway("social-network", List.of(
                rule(Map.of("municipalities", List.of("GM0090")), "rt-sn-first", "local network"),
                rule(Map.of(), "rt-ggz-region", "regional fallback")));
        ready = true;
    }

    private static Map<String, Object> meriam(List<String> signals) {
        Map<String, Object> request = new HashMap<>();
        request.put("postcode", "9203AB");
        request.put("signalTypes", signals);
        request.put("dueDate", Fixtures.today().plusDays(100).toString());
        request.put("vulnerability", "vulnerable");
        request.put("clientAge", 24);
        request.put("urgency", "routine");
        return request;
    }

    @Test
    void meriamsSignalsGetPrimaryRoutesAlternativesAndANamedGap() {
        as("anna").body(meriam(List.of("financial-debt", "psychological", "teen-parent")))
                .post(RESOLVE).then().statusCode(200)
                .body("phase", equalTo("pregnancy"))
                .body("municipalityCode", equalTo("GM0090"))
                .body("results.signalType", contains("financial-debt", "psychological", "teen-parent"))
                .body("results[0].status", equalTo("routed"))
                .body("results[0].primary.partnerId", equalTo("rt-wijkteam-smallingerland"))
                .body("results[0].primary.partnerKind", equalTo("district-team"))
                .body("results[0].primary.contactPoint.id", equalTo("intake"))
                .body("results[0].primary.contactPoint.phone", equalTo("0512 000 000"))
                .body("results[0].primary.instruction", equalTo("child package"))
                .body("results[0].primary.responseTargetWorkingDays.routine", equalTo(5))
                .body("results[0].primary.responseTargetWorkingDays.urgent", equalTo(1))
                .body("results[0].primary.capacityStatus", equalTo("open"))
                .body("results[0].primary.pathwayVersion", equalTo(1))
                .body("results[0].primary.regionId", equalTo(VERA_REGION))
                .body("results[0].primary.matchReason", containsString("rule 2: municipality Smallingerland"))
                .body("results[0].passedOver.partnerId", contains("rt-closed-debt"))
                .body("results[0].passedOver[0].reason", equalTo("closed"))
                .body("results[0].alternatives.partnerId", contains("rt-regional-debt"))
                .body("results[0].gap", nullValue())
                .body("results[1].primary.partnerId", equalTo("rt-ggz-region"))
                .body("results[1].primary.matchReason", containsString("phase pregnancy"))
                .body("results[1].alternatives.partnerId", contains("rt-wijkteam-smallingerland"))
                .body("results[2].status", equalTo("no-route"))
                .body("results[2].primary", nullValue())
                .body("results[2].alternatives", empty())
                .body("results[2].gap", equalTo("No pathway in region VSV Zuidoost-Friesland routes signal "
                        + "teen-parent for municipality Smallingerland (GM0090) in phase pregnancy"));
    }

    @Test
    void aWaitlistedPartnerIsRoutedWithItsExpectedWait() {
        as("daan").body(Map.of("municipalityCode", "GM0085", "signalTypes", List.of("smoking"),
                        "phase", "postpartum"))
                .post(RESOLVE).then().statusCode(200)
                .body("results[0].status", equalTo("routed"))
                .body("results[0].primary.capacityStatus", equalTo("waitlist"))
                .body("results[0].primary.waitlistWeeks", equalTo(3))
                .body("results[0].primary.matchReason", equalTo("rule 1: whole region"));
    }

    @Test
    void aPathwayWithoutAMatchingRuleGivesANoRouteNamingTheGap() {
        as("anna").body(meriam(List.of("trauma"))).post(RESOLVE).then().statusCode(200)
                .body("results[0].status", equalTo("no-route"))
                .body("results[0].gap", containsString("routes signal trauma for municipality Smallingerland"))
                .body("results[0].gap", containsString("has no rule for this case"));
    }

    /**
     * Another replica closes a partner: its transaction changes the row and announces the change (what RouteTable
     * does for every change), here on a connection of its own. This replica routes around the partner within a
     * second, long before its periodic refresh.
     */
    @Test
    void aChangeCommittedByAnotherReplicaRoutesHereWithinASecond() throws SQLException {
        Map<String, Object> request = meriam(List.of("social-network"));
        as("anna").body(request).post(RESOLVE).then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("rt-sn-first"));
        try {
            asAnotherReplica("closed");
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                    as("anna").body(request).post(RESOLVE).then().statusCode(200)
                            .body("results[0].passedOver.partnerId", contains("rt-sn-first")));
        } finally {
            asAnotherReplica("open");
        }
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                as("anna").body(request).post(RESOLVE).then().statusCode(200)
                        .body("results[0].primary.partnerId", equalTo("rt-sn-first")));
    }

    private void asAnotherReplica(String capacity) throws SQLException {
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE partner SET capacity_status = ?, capacity_confirmed_at = now() WHERE id = 'rt-sn-first'");
                 PreparedStatement notify = connection.prepareStatement(
                         "SELECT pg_notify('route_changes', 'another-replica')")) {
                update.setString(1, capacity);
                update.executeUpdate();
                notify.executeQuery().close();
            }
            connection.commit();
        }
    }

    @Test
    void closingAPartnerPassesItOverAtOnce() {
        Map<String, Object> request = meriam(List.of("social-network"));
        as("anna").body(request).post(RESOLVE).then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("rt-sn-first"));
        as("vera").body(Map.of("status", "closed"))
                .put("/api/regions/" + VERA_REGION + "/partners/rt-sn-first/capacity").then().statusCode(200);
        as("anna").body(request).post(RESOLVE).then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("rt-ggz-region"))
                .body("results[0].passedOver.partnerId", contains("rt-sn-first"))
                .body("results[0].passedOver[0].reason", equalTo("closed"));
        as("vera").body(Map.of("status", "open"))
                .put("/api/regions/" + VERA_REGION + "/partners/rt-sn-first/capacity").then().statusCode(200);
        as("anna").body(request).post(RESOLVE).then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("rt-sn-first"));
    }

    @Test
    void aPostcodeNoRegionCoversGivesNoRouteForEverySignal() {
        as("anna").body(Map.of("postcode", "1012 AB", "signalTypes", List.of("smoking"), "phase", "pregnancy"))
                .post(RESOLVE).then().statusCode(200)
                .body("results[0].status", equalTo("no-route"))
                .body("results[0].gap", containsString("No region covers postcode area 1012"));
    }

    @Test
    void theBirthDateDecidesThePhaseUntilTheSecondBirthday() {
        Map<String, Object> request = new HashMap<>(meriam(List.of("smoking")));
        request.remove("dueDate");
        request.put("birthDate", Fixtures.today().minusYears(2).plusDays(1).toString());
        as("anna").body(request).post(RESOLVE).then().statusCode(200).body("phase", equalTo("postpartum"));
        request.put("birthDate", Fixtures.today().minusYears(2).toString());
        as("anna").body(request).post(RESOLVE).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("birthDate"));
    }

    @Test
    void invalidRequestsAreRefusedWithFieldErrors() {
        as("anna").body(Map.of("signalTypes", List.of("smoking"), "phase", "pregnancy"))
                .post(RESOLVE).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("errors.field", contains("postcode"));
        as("anna").body(Map.of("postcode", "ABCD", "signalTypes", List.of("smoking"), "phase", "pregnancy"))
                .post(RESOLVE).then().statusCode(422).body("errors.field", contains("postcode"));
        as("anna").body(Map.of("postcode", "9203AB", "signalTypes", List.of("smoking", "gambling-aunt"),
                        "phase", "pregnancy"))
                .post(RESOLVE).then().statusCode(422).body("errors.field", contains("signalTypes[1]"));
        as("anna").body(Map.of("postcode", "9203AB", "signalTypes", List.of("smoking")))
                .post(RESOLVE).then().statusCode(422).body("errors.field", contains("phase"));
        as("anna").body(Map.of("postcode", "9203AB", "signalTypes", List.of("smoking"), "phase", "pregnancy",
                        "vulnerability", "high"))
                .post(RESOLVE).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("vulnerability"));
        as("anna").body(Map.of("postcode", "9203AB", "signalTypes", List.of(), "phase", "pregnancy"))
                .post(RESOLVE).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("signalTypes"));
        as("anna").body("{not json").post(RESOLVE).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void districtTeamsAndServiceAccountsMayResolveButAPrivacyOfficerMayNot() {
        Map<String, Object> request = Map.of("postcode", "9203AB", "signalTypes", List.of("smoking"),
                "phase", "pregnancy");
        as("eva").body(request).post(RESOLVE).then().statusCode(200);
        as("vera").body(request).post(RESOLVE).then().statusCode(200);
        given().auth().oauth2(DemoTokens.forClient("referral-service")).contentType(ContentType.JSON)
                .body(request).post(RESOLVE).then().statusCode(200)
                .body("results[0].status", equalTo("routed"));
        as("pim").body(request).post(RESOLVE).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().contentType(ContentType.JSON).body(request).post(RESOLVE).then().statusCode(401);
    }
}
