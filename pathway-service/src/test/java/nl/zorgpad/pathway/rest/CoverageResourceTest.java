package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
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
        // A local signal of this class: its only rule is for very vulnerable clients, or urgent cases of teen parents.
        as("vera").body(Map.of("code", "cv-partial", "labelNl", "Deels", "labelEn", "Partly", "domain", "safety",
                "description", "Local signal of CoverageResourceTest")).post(COVERAGE.replace("/coverage",
                "/signal-types")).then().statusCode(201);
        Fixtures.publishedPathway("cv-partial", List.of(
                rule(Map.of("vulnerabilities", List.of("very-vulnerable")), "cv-stale", "very"),
                rule(Map.of("municipalities", List.of("GM0090"), "maxAge", 19, "urgencies", List.of("urgent")),
                        "cv-open-smallingerland", "teen and urgent")));
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
                .body("cells.size()", equalTo(signalTypes() * 3 * 3))
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
        org.junit.jupiter.api.Assertions.assertEquals(1 + signalTypes() * 3 * 3, csv.split("\r\n").length);
    }

    /** National signal types plus the local ones of vera's region (other test classes may add some). */
    private static int signalTypes() {
        return as("vera").get("/api/signal-types").then().statusCode(200).extract().path("size()");
    }

    @Test
    void aCellRoutedOnlyForSomeVulnerabilityLevelsAgesOrUrgenciesIsPartlyRoutedWithItsGaps() {
        String cell = "cells.find { it.signalType == 'cv-partial' && it.municipalityCode == '%s' && it.phase == "
                + "'pregnancy' }.";
        as("vera").get(COVERAGE).then().statusCode(200)
                .body("summary.partlyRouted", greaterThan(0))
                .body(String.format(cell, "GM0086") + "status", equalTo("partly-routed"))
                .body(String.format(cell, "GM0086") + "uncovered.status", contains("not-routed"))
                .body(String.format(cell, "GM0086") + "uncovered[0].vulnerabilities",
                        contains("self-reliant", "potentially-vulnerable", "vulnerable"))
                .body(String.format(cell, "GM0086") + "uncovered[0].urgencies", empty())
                .body(String.format(cell, "GM0086") + "uncovered[0].minAge", nullValue())
                .body(String.format(cell, "GM0090") + "status", equalTo("partly-routed"))
                .body(String.format(cell, "GM0090") + "uncovered.size()", equalTo(2))
                .body(String.format(cell, "GM0090") + "uncovered.urgencies", contains(List.of("routine"), List.of()))
                .body(String.format(cell, "GM0090") + "uncovered[0].maxAge", equalTo(19))
                .body(String.format(cell, "GM0090") + "uncovered[1].minAge", equalTo(20))
                .body("cells.findAll { it.status != 'partly-routed' }.uncovered.flatten()", empty());
        as("vera").accept("text/csv").get(COVERAGE).then().statusCode(200)
                .body(containsString("cv-partial,GM0086,Opsterland,pregnancy,partly-routed,pw-"))
                .body(containsString(",\"vulnerability self-reliant, potentially-vulnerable, vulnerable: "
                        + "not-routed\"\r\n"))
                .body(containsString("vulnerable; urgency routine; age 0-19: not-routed | vulnerability self-reliant, "
                        + "potentially-vulnerable, vulnerable; age 20+: not-routed\"\r\n"));
    }

    @Test
    void onlyTheRegionsOwnCoordinatorsSeeItsCoverage() {
        as("wim").get(COVERAGE).then().statusCode(404).contentType("application/problem+json");
        as("anna").get(COVERAGE).then().statusCode(403);
    }
}
