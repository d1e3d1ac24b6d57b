package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.pathway.domain.Partner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CoverageResourceTest {

    private static final String COVERAGE = "/api/regions/" + VERA_REGION + "/coverage";
    private static boolean ready;

    @BeforeEach
    void data() {
        if (ready) {
            return;
        }
        Fixtures.regions();
        Fixtures.partner("cv-open-smallingerland", "programme", List.of("GM0090"), "open");
        Fixtures.partner("cv-closed-opsterland", "programme", List.of("GM0086"), "closed");
        Fixtures.partner("cv-stale", "other", List.of(), "open");
        Fixtures.publishedPathway("parenting", List.of(
                rule(Map.of("municipalities", List.of("GM0090"), "phases", List.of("postpartum")),
                        "cv-open-smallingerland", "parenting support"),
                rule(Map.of("municipalities", List.of("GM0086")), "cv-closed-opsterland", "closed for now")));
        QuarkusTransaction.requiringNew().run(() -> Partner.update("capacityConfirmedAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofDays(45)), "cv-stale"));
        ready = true;
    }

    @Test
    void coverageShowsRoutedClosedOnlyAndWhiteSpotsPerMunicipalityAndPhase() {
        as("vera").get(COVERAGE).then().statusCode(200)
                .body("regionId", equalTo(VERA_REGION))
                .body("cells.find { it.signalType == 'parenting' && it.municipalityCode == 'GM0090' && it.phase == 'postpartum' }.status",
                        equalTo("routed"))
                .body("cells.find { it.signalType == 'parenting' && it.municipalityCode == 'GM0090' && it.phase == 'pregnancy' }.status",
                        equalTo("not-routed"))
                .body("cells.find { it.signalType == 'parenting' && it.municipalityCode == 'GM0086' && it.phase == 'preconception' }.status",
                        equalTo("only-closed"))
                .body("cells.findAll { it.signalType == 'teen-parent' }.status", not(hasItem("routed")))
                .body("cells.size()", equalTo(18 * 3 * 3))
                .body("summary.notRouted", greaterThan(0))
                .body("staleAfterDays", equalTo(30))
                .body("staleCapacity.partnerId", hasItem("cv-stale"))
                .body("staleCapacity.partnerId", not(hasItem("cv-open-smallingerland")))
                .body("staleCapacity.find { it.partnerId == 'cv-stale' }.daysSinceConfirmed", equalTo(45));
    }

    @Test
    void coverageIsAlsoServedAsCsv() {
        String csv = as("vera").accept("text/csv").get(COVERAGE).then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .body(startsWith("signalType,municipalityCode,municipalityName,phase,status,pathwayId,pathwayVersion"))
                .body(containsString("parenting,GM0090,Smallingerland,postpartum,routed,pw-"))
                .body(containsString("teen-parent,GM0085,Ooststellingwerf,pregnancy,not-routed,,"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(1 + 18 * 3 * 3, csv.split("\r\n").length);
    }

    @Test
    void onlyTheRegionsOwnCoordinatorsSeeItsCoverage() {
        as("wim").get(COVERAGE).then().statusCode(404).contentType("application/problem+json");
        as("anna").get(COVERAGE).then().statusCode(403);
    }
}
