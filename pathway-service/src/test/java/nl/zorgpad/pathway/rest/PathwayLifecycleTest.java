package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PathwayLifecycleTest {

    private static final String PATHWAYS = "/api/regions/" + VERA_REGION + "/pathways";

    @BeforeEach
    void data() {
        Fixtures.regions();
        Fixtures.partner("lc-housing-smallingerland", "district-team", List.of("GM0090"), "open");
        Fixtures.partner("lc-housing-region", "other", List.of(), "open");
        Fixtures.partner("lc-inactive", "other", List.of(), "open");
    }

    @Test
    void draftPublishEditAndRepublishKeepsEveryVersionReadable() {
        String id = as("vera").body(Map.of("signalType", "housing", "rules", List.of(
                        rule(Map.of("municipalities", List.of("GM0090")), "lc-housing-smallingerland", "v1 local"))))
                .post(PATHWAYS).then().statusCode(201)
                .header("Location", containsString(PATHWAYS + "/pw-"))
                .body("signalType", equalTo("housing"))
                .body("draftVersion", equalTo(1))
                .body("publishedVersion", nullValue())
                .extract().path("id");

        as("vera").body(Map.of("effectiveFrom", "2026-01-01"))
                .post(PATHWAYS + "/" + id + "/versions/1/publish").then().statusCode(200)
                .body("status", equalTo("published"))
                .body("effectiveFrom", equalTo("2026-01-01"))
                .body("publishedBy", equalTo("vera"));

        as("vera").body(Map.of("effectiveFrom", "2026-02-01"))
                .post(PATHWAYS + "/" + id + "/versions/1/publish").then().statusCode(409)
                .contentType("application/problem+json").body("status", equalTo(409));

        // Editing a published pathway opens draft version 2; version 1 stays as it was.
        as("vera").body(Map.of("rules", List.of(
                        rule(Map.of("municipalities", List.of("GM0090")), "lc-housing-smallingerland", "v2 local"),
                        rule(Map.of(), "lc-housing-region", "v2 regional"))))
                .put(PATHWAYS + "/" + id + "/draft").then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("draft"))
                .body("rules", hasSize(2));

        as("vera").body(Map.of("effectiveFrom", "2026-01-01"))
                .post(PATHWAYS + "/" + id + "/versions/2/publish").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("effectiveFrom"))
                .body("errors[0].message", containsString("overlaps version 1"));

        as("vera").body(Map.of("effectiveFrom", "2026-03-01"))
                .post(PATHWAYS + "/" + id + "/versions/2/publish").then().statusCode(200);

        as("vera").get(PATHWAYS + "/" + id).then().statusCode(200)
                .body("publishedVersion", equalTo(2))
                .body("draftVersion", nullValue())
                .body("versions.version", contains(1, 2))
                .body("versions.status", contains("published", "published"));
        as("vera").get(PATHWAYS + "/" + id + "/versions/1").then().statusCode(200)
                .body("rules", hasSize(1)).body("rules[0].instruction", equalTo("v1 local"));
        as("vera").get(PATHWAYS + "/" + id + "/versions/3").then().statusCode(404)
                .contentType("application/problem+json");

        // The version in force today (v2, from 2026-03-01) is what resolution cites.
        as("anna").body(Map.of("postcode", "9203AB", "signalTypes", List.of("housing"), "phase", "pregnancy"))
                .post("/api/routes/resolve").then().statusCode(200)
                .body("results[0].primary.pathwayId", equalTo(id))
                .body("results[0].primary.pathwayVersion", equalTo(2))
                .body("results[0].primary.instruction", equalTo("v2 local"))
                .body("results[0].alternatives.partnerId", contains("lc-housing-region"));

        as("vera").get(PATHWAYS).then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void aSecondPathwayForTheSameSignalIsAConflict() {
        as("vera").body(Map.of("signalType", "addiction", "rules", List.of()))
                .post(PATHWAYS).then().statusCode(201);
        as("vera").body(Map.of("signalType", "addiction", "rules", List.of()))
                .post(PATHWAYS).then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/conflict")).body("title", equalTo("Conflict"));
    }

    @Test
    void invalidRulesAreRefusedWithFieldErrors() {
        as("vera").body(Map.of("signalType", "no-such-signal", "rules", List.of()))
                .post(PATHWAYS).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("errors.field", contains("signalType"));

        as("vera").body(Map.of("signalType", "relationship", "rules", List.of(
                        rule(Map.of(), "lc-housing-region", "everyone"),
                        rule(Map.of("municipalities", List.of("GM0090")), "lc-housing-smallingerland", "shadowed"),
                        rule(Map.of("municipalities", List.of("GM0085")), "lc-housing-smallingerland", "wrong area"),
                        rule(Map.of(), "no-such-partner", "unknown"),
                        rule(Map.of("municipalities", List.of("GM0074")), "lc-housing-region", "foreign area"))))
                .post(PATHWAYS).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("errors.findAll { it.field == 'rules[1].when' }.message",
                        hasItem(containsString("rule 1 comes first")))
                .body("errors.findAll { it.field == 'rules[2].target.partnerId' }.message",
                        hasItem(containsString("does not serve municipality GM0085")))
                .body("errors.findAll { it.field == 'rules[3].target.partnerId' }.message",
                        hasItem(containsString("unknown partner no-such-partner")))
                .body("errors.findAll { it.field == 'rules[4].when.municipalities' }.message",
                        hasItem(containsString("GM0074 is not a municipality")));
    }

    @Test
    void aPostcodeOutsideTheRegionForAPartnerOfSomeMunicipalitiesIsAFieldErrorNotAFailure() {
        // The partner serves Smallingerland only; 1234 belongs to no municipality of the region.
        as("vera").body(Map.of("signalType", "relationship", "rules", List.of(
                        rule(Map.of("postcodes", List.of("1234")), "lc-housing-smallingerland", "foreign postcode"))))
                .post(PATHWAYS).then().statusCode(422).contentType("application/problem+json")
                .body("errors.findAll { it.field == 'rules[0].when.postcodes' }.message",
                        hasItem(containsString("1234 is not a PC4 area")));
    }

    @Test
    void anInactivePartnerCannotBeATarget() {
        as("vera").body(Fixtures.partnerBody("lc-inactive", "Stopped", "other", List.of(), "open"))
                .body(Map.of("name", "Stopped", "kind", "other", "contactPoints", List.of(Map.of("id", "intake",
                        "name", "Intake")), "capacity", Map.of("status", "open"), "active", false))
                .put("/api/regions/" + VERA_REGION + "/partners/lc-inactive").then().statusCode(200)
                .body("active", equalTo(false));
        as("vera").body(Map.of("signalType", "intellectual-disability", "rules", List.of(
                        rule(Map.of(), "lc-inactive", "x"))))
                .post(PATHWAYS).then().statusCode(422)
                .body("errors.message", hasItem(containsString("is inactive")));
    }

    @Test
    void unreadableOrInvalidRequestsAreRefusedWithFieldErrors() {
        as("vera").body(Map.of("signalType", "parenting", "rules", List.of(Map.of("when", Map.of("phases",
                        List.of("teenage")), "target", Map.of("partnerId", "x")))))
                .post(PATHWAYS).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("phases"));
        as("vera").body(Map.of("rules", List.of()))
                .post(PATHWAYS).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("signalType"));
    }
}
