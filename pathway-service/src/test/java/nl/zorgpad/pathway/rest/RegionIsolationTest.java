package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.WIM_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RegionIsolationTest {

    private static final String VERA = "/api/regions/" + VERA_REGION;
    private static final String WIM = "/api/regions/" + WIM_REGION;
    private static String veraDraft;

    @BeforeEach
    void data() {
        Fixtures.regions();
        Fixtures.partner("iso-vera-partner", "other", List.of(), "open");
        Fixtures.partner("wim", WIM_REGION, "iso-wim-partner", "district-team", List.of("GM0074"), "open");
        if (veraDraft == null) {
            veraDraft = as("vera").body(Map.of("signalType", "newcomer", "rules", List.of(
                            rule(Map.of(), "iso-vera-partner", "vera's draft"))))
                    .post(VERA + "/pathways").then().statusCode(201).extract().path("id");
        }
    }

    @Test
    void wimSeesNoneOfVerasRegion() {
        as("wim").get(VERA).then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("type", equalTo("https://zorgpad.nl/problems/not-found"));
        as("wim").get(VERA + "/partners").then().statusCode(404);
        as("wim").get(VERA + "/partners/iso-vera-partner").then().statusCode(404);
        as("wim").get(VERA + "/pathways").then().statusCode(404);
        as("wim").get(VERA + "/pathways/" + veraDraft).then().statusCode(404);
        as("wim").get(VERA + "/pathways/" + veraDraft + "/versions/1").then().statusCode(404);
        as("wim").get(VERA + "/coverage").then().statusCode(404);
        as("wim").accept("text/csv").get(VERA + "/coverage").then().statusCode(404);
        // Naming vera's objects under his own region does not reach them either.
        as("wim").get(WIM + "/partners/iso-vera-partner").then().statusCode(404);
        as("wim").get(WIM + "/pathways/" + veraDraft).then().statusCode(404);
        as("wim").get(WIM + "/partners").then().statusCode(200)
                .body("id", hasItem("iso-wim-partner")).body("id", not(hasItem("iso-vera-partner")));
    }

    @Test
    void wimCannotChangeVerasRegion() {
        as("wim").body(Map.of("name", "taken over", "municipalities", List.of(
                        Map.of("code", "GM0074", "name", "Heerenveen", "postcodes", List.of()))))
                .put(VERA).then().statusCode(404);
        as("wim").body(Fixtures.partnerBody("iso-vera-partner", "Hijacked", "other", List.of(), "closed"))
                .put(VERA + "/partners/iso-vera-partner").then().statusCode(404);
        as("wim").body(Map.of("status", "closed"))
                .put(VERA + "/partners/iso-vera-partner/capacity").then().statusCode(404);
        as("wim").body(Map.of("rules", List.of())).put(VERA + "/pathways/" + veraDraft + "/draft")
                .then().statusCode(404);
        as("wim").body(Map.of("effectiveFrom", "2026-01-01"))
                .post(VERA + "/pathways/" + veraDraft + "/versions/1/publish").then().statusCode(404);
        as("wim").body(Fixtures.partnerBody("iso-wim-intruder", "Intruder", "other", List.of(), "open"))
                .post(VERA + "/partners").then().statusCode(404);
        // Nothing changed for vera.
        as("vera").get(VERA + "/partners/iso-vera-partner").then().statusCode(200)
                .body("name", equalTo("Partner iso-vera-partner"));
        as("vera").get(VERA + "/pathways/" + veraDraft).then().statusCode(200)
                .body("draftVersion", equalTo(1));
    }

    @Test
    void wimCannotUseVerasPartnersOrMunicipalities() {
        as("wim").body(Fixtures.partnerBody("iso-wim-greedy", "Greedy", "other", List.of("GM0090"), "open"))
                .post(WIM + "/partners").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("municipalities[0]"));
        as("wim").body(Map.of("signalType", "newcomer", "rules", List.of(
                        rule(Map.of(), "iso-vera-partner", "borrowed"))))
                .post(WIM + "/pathways").then().statusCode(422)
                .body("errors[0].field", equalTo("rules[0].target.partnerId"));
        as("wim").body(Map.of("name", "VSV Heerenveen e.o.", "municipalities", List.of(
                        Map.of("code", "GM0090", "name", "Smallingerland", "postcodes", List.of("9203")))))
                .put(WIM).then().statusCode(422);
    }

    @Test
    void otherRolesAreForbiddenAndVeraReadsHerOwnRegion() {
        as("anna").get(VERA).then().statusCode(403).contentType("application/problem+json");
        as("daan").get(VERA + "/partners").then().statusCode(403);
        as("vera").get(VERA).then().statusCode(200)
                .body("name", equalTo("VSV Zuidoost-Friesland"))
                .body("municipalities.code", hasItem("GM0090"));
    }

    @Test
    void resolutionUsesTheRegionOfThePostcode() {
        String id = as("wim").body(Map.of("signalType", "lifestyle", "rules", List.of(
                        rule(Map.of(), "iso-wim-partner", "heerenveen lifestyle"))))
                .post(WIM + "/pathways").then().statusCode(201).extract().path("id");
        as("wim").body(Map.of("effectiveFrom", "2026-01-01"))
                .post(WIM + "/pathways/" + id + "/versions/1/publish").then().statusCode(200);
        as("anna").body(Map.of("postcode", "8441AA", "signalTypes", List.of("lifestyle"), "phase", "pregnancy"))
                .post("/api/routes/resolve").then().statusCode(200)
                .body("municipalityCode", equalTo("GM0074"))
                .body("results[0].primary.partnerId", equalTo("iso-wim-partner"))
                .body("results[0].primary.regionId", equalTo(WIM_REGION));
    }
}
