package nl.zorgpad.pathway.rest;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.pathway.Fixtures.WIM_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LocalSignalTypeTest {

    private static final String WIM = "/api/regions/" + WIM_REGION;

    @Test
    void aRegionAddsALocalSignalTypeThatOnlyItUsesAndSees() {
        Fixtures.regions();
        Fixtures.partner("wim", WIM_REGION, "ls-wim-housing", "other", List.of(), "open");
        Map<String, String> local = Map.of("code", "hv-rent-arrears", "labelNl", "Huurachterstand",
                "labelEn", "Rent arrears", "domain", "money", "description", "Reported by the housing association.");
        as("wim").body(local).post(WIM + "/signal-types").then().statusCode(201)
                .body("code", equalTo("hv-rent-arrears")).body("regionId", equalTo(WIM_REGION));
        as("wim").body(local).post(WIM + "/signal-types").then().statusCode(409)
                .contentType("application/problem+json");
        as("vera").body(local).post(WIM + "/signal-types").then().statusCode(404);

        // Added without a Dutch description: the English one stands in for it.
        as("wim").get("/api/signal-types").then().statusCode(200).body("code", hasItem("hv-rent-arrears"))
                .body("find { it.code == 'hv-rent-arrears' }.descriptionNl",
                        equalTo("Reported by the housing association."));
        as("vera").get("/api/signal-types").then().statusCode(200).body("code", not(hasItem("hv-rent-arrears")));
        // A service's token names no organisation: it reads the national catalogue, no region's local types.
        given().auth().oauth2(DemoTokens.forClient("referral-service")).get("/api/signal-types").then()
                .statusCode(200).body("code", hasItem("financial-debt"))
                .body("findAll { it.regionId != null }", empty());

        String id = as("wim").body(Map.of("signalType", "hv-rent-arrears", "rules", List.of(
                        rule(Map.of(), "ls-wim-housing", "call the housing association"))))
                .post(WIM + "/pathways").then().statusCode(201).extract().path("id");
        as("vera").body(Map.of("signalType", "hv-rent-arrears", "rules", List.of()))
                .post("/api/regions/" + Fixtures.VERA_REGION + "/pathways").then().statusCode(422);
        as("wim").body(Map.of("effectiveFrom", "2026-01-01"))
                .post(WIM + "/pathways/" + id + "/versions/1/publish").then().statusCode(200);
        as("anna").body(Map.of("postcode", "8442", "signalTypes", List.of("hv-rent-arrears"), "phase", "pregnancy"))
                .post("/api/routes/resolve").then().statusCode(200)
                .body("results[0].primary.partnerId", equalTo("ls-wim-housing"));
    }

    @Test
    void aLocalSignalTypeCarriesItsDutchDescription() {
        Fixtures.regions();
        as("wim").body(Map.of("code", "hv-energy-debt", "labelNl", "Energieschuld", "labelEn", "Energy debt",
                        "domain", "money", "description", "Arrears with the energy company.",
                        "descriptionNl", "Achterstand bij het energiebedrijf, afsluiting dreigt."))
                .post(WIM + "/signal-types").then().statusCode(201)
                .body("description", equalTo("Arrears with the energy company."))
                .body("descriptionNl", equalTo("Achterstand bij het energiebedrijf, afsluiting dreigt."));

        as("wim").get("/api/signal-types").then().statusCode(200)
                .body("find { it.code == 'hv-energy-debt' }.descriptionNl",
                        equalTo("Achterstand bij het energiebedrijf, afsluiting dreigt."))
                .body("find { it.code == 'hv-energy-debt' }.description", equalTo("Arrears with the energy company."))
                .body("find { it.code == 'financial-debt' }.descriptionNl", equalTo(
                        "Betalingsachterstanden of schulden waardoor het gezin voortdurend onder spanning staat."));
    }

    @Test
    void aBlankOrOverlongDutchDescriptionIsRefused() {
        Fixtures.regions();
        Map<String, String> blank = Map.of("code", "hv-blank-nl", "labelNl", "Leeg", "labelEn", "Blank",
                "domain", "money", "description", "An English description.", "descriptionNl", " \n ");
        as("wim").body(blank).post(WIM + "/signal-types").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("descriptionNl"));
        Map<String, String> overlong = new HashMap<>(blank);
        overlong.put("descriptionNl", "x".repeat(1001));
        as("wim").body(overlong).post(WIM + "/signal-types").then().statusCode(422)
                .body("errors.field", contains("descriptionNl"));
        as("wim").get("/api/signal-types").then().statusCode(200).body("code", not(hasItem("hv-blank-nl")));
    }
}
