package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.pathway.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExchangeResourceTest {

    private static final String REGION = "/api/regions/" + VERA_REGION;
    private static boolean ready;

    @BeforeEach
    void data() {
        if (ready) {
            return;
        }
        Fixtures.regions();
        Fixtures.partner("ex-programme", "programme", List.of(), "open");
        Fixtures.publishedPathway("unplanned-pregnancy", List.of(
                rule(Map.of("phases", List.of("preconception", "pregnancy")), "ex-programme", "talk about it")));
        // Objects of this class only, so that leaving them out of a document touches no other test's data.
        Fixtures.partner("ex-leaving", "other", List.of(), "open");
        Fixtures.partner("ex-cited", "other", List.of(), "open");
        for (String code : List.of("ex-retiring", "ex-draft-only", "ex-cited-signal")) {
            as("vera").body(Map.of("code", code, "labelNl", code, "labelEn", code, "domain", "network",
                    "description", "Local signal of ExchangeResourceTest")).post(REGION + "/signal-types")
                    .then().statusCode(201);
        }
        retiringPathway = Fixtures.publishedPathway("ex-retiring", List.of(rule(Map.of(), "ex-leaving", "go")));
        draftOnlyPathway = as("vera").body(Map.of("signalType", "ex-draft-only",
                        "rules", List.of(rule(Map.of(), "ex-leaving", "draft"))))
                .post(REGION + "/pathways").then().statusCode(201).extract().path("id");
        Fixtures.publishedPathway("ex-cited-signal", List.of(rule(Map.of(), "ex-cited", "cited")));
        ready = true;
    }

    private static String retiringPathway;
    private static String draftOnlyPathway;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The export as a tree, without the partners and pathways (by signal type) named. */
    @SuppressWarnings("unchecked")
    private static String without(String yaml, Set<String> partnerIds, Set<String> signalTypes) throws Exception {
        Map<String, Object> document = YAML.readValue(yaml, Map.class);
        ((List<Map<String, Object>>) document.get("partners")).removeIf(p -> partnerIds.contains(p.get("id")));
        ((List<Map<String, Object>>) document.get("pathways"))
                .removeIf(p -> signalTypes.contains(p.get("signalType")));
        return YAML.writeValueAsString(document);
    }

    private static String resolveStatus(String signalType) {
        return as("vera").body(Map.of("postcode", "9203AB", "signalTypes", List.of(signalType), "phase", "pregnancy"))
                .post("/api/routes/resolve").then().statusCode(200).extract().path("results[0].status");
    }

    @Test
    void importConvergesTheRegionToTheDocument() throws Exception {
        assertEquals("routed", resolveStatus("ex-retiring"));
        String changed = without(export(), Set.of("ex-leaving"), Set.of("ex-retiring", "ex-draft-only"));

        importYaml(changed, true).statusCode(200)
                .body("applied", equalTo(false))
                .body("changes.find { it.id == 'ex-leaving' }.action", equalTo("deactivated"))
                .body("changes.find { it.id == '" + retiringPathway + "' }.action", equalTo("retired"))
                .body("changes.find { it.id == '" + draftOnlyPathway + "' }.action", equalTo("removed"))
                .body("changes.size()", equalTo(3));
        as("vera").get(REGION + "/partners/ex-leaving").then().body("active", equalTo(true));
        as("vera").get(REGION + "/pathways/" + retiringPathway).then().body("retiredFrom", nullValue());
        as("vera").get(REGION + "/pathways/" + draftOnlyPathway).then().statusCode(200);
        assertEquals("routed", resolveStatus("ex-retiring"));

        importYaml(changed, false).statusCode(200)
                .body("applied", equalTo(true))
                .body("changes.action", containsInAnyOrder("deactivated", "retired", "removed"));
        as("vera").get(REGION + "/partners/ex-leaving").then().statusCode(200).body("active", equalTo(false));
        as("vera").get(REGION + "/pathways/" + draftOnlyPathway).then().statusCode(404);
        as("vera").get(REGION + "/pathways/" + retiringPathway).then().statusCode(200)
                .body("retiredFrom", equalTo(Fixtures.today().toString()))
                .body("publishedVersion", equalTo(1))
                .body("versions.status", contains("published", "retired"));
        as("vera").get(REGION + "/pathways/" + retiringPathway + "/versions/1").then().statusCode(200)
                .body("status", equalTo("published"))
                .body("rules[0].target.partnerId", equalTo("ex-leaving"));
        assertEquals("no-route", resolveStatus("ex-retiring"));

        // The region is now what the document says: importing it again, or the new export, changes nothing.
        importYaml(changed, false).statusCode(200).body("changes", empty());
        String after = export();
        assertFalse(after.contains("signalType: ex-retiring"), after);
        assertFalse(after.contains("signalType: ex-draft-only"), after);
        importYaml(after, true).statusCode(200).body("changes", empty());
        assertEquals(without(after, Set.of("ex-leaving"), Set.of()), without(changed, Set.of(), Set.of()));
    }

    @Test
    void aDocumentWhoseRulesTargetAPartnerItLeavesOutIsRefused() throws Exception {
        String yaml = without(export(), Set.of("ex-cited"), Set.of());
        importYaml(yaml, true).statusCode(422).contentType("application/problem+json")
                .body("errors.message", hasItem("partner ex-cited is inactive"));
        as("vera").get(REGION + "/partners/ex-cited").then().body("active", equalTo(true));
    }

    private static String export() {
        return as("vera").accept("application/yaml").get(REGION + "/export").then().statusCode(200)
                .contentType(startsWith("application/yaml"))
                .body(containsString("format: zorgpad-pathways/1"))
                .body(containsString("id: ex-programme"))
                .body(containsString("signalType: unplanned-pregnancy"))
                .extract().asString();
    }

    private static io.restassured.response.ValidatableResponse importYaml(String yaml, boolean dryRun) {
        return as("vera").contentType("application/yaml").body(yaml.getBytes(StandardCharsets.UTF_8))
                .post(REGION + "/import?dryRun=" + dryRun).then();
    }

    @Test
    void exportThenImportChangesNothing() {
        String yaml = export();
        importYaml(yaml, false).statusCode(200)
                .body("applied", equalTo(true))
                .body("changes", empty());
        assertEquals(yaml, export());
    }

    @Test
    void aDryRunReportsChangesWithoutMakingThem() {
        String yaml = export().replace("name: Partner ex-programme", "name: Renamed programme");
        importYaml(yaml, true).statusCode(200)
                .body("dryRun", equalTo(true))
                .body("applied", equalTo(false))
                .body("changes.find { it.id == 'ex-programme' }.action", equalTo("updated"));
        as("vera").get(REGION + "/partners/ex-programme").then().body("name", equalTo("Partner ex-programme"));

        importYaml(yaml, false).statusCode(200).body("applied", equalTo(true))
                .body("changes.find { it.id == 'ex-programme' }.action", equalTo("updated"));
        as("vera").get(REGION + "/partners/ex-programme").then().body("name", equalTo("Renamed programme"));
        importYaml(export().replace("name: Renamed programme", "name: Partner ex-programme"), false)
                .statusCode(200);
    }

    @Test
    void anImportWithOneBadPartIsRefusedWhole() {
        String yaml = export()
                .replace("partners:\n", "partners:\n- id: ex-new-partner\n  name: New\n  kind: other\n"
                        + "  contactPoints:\n  - id: intake\n    name: Intake\n  capacity:\n    status: open\n")
                .replace("partnerId: ex-programme", "partnerId: ex-nobody");
        importYaml(yaml, false).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/validation"))
                .body("errors.field", hasItem(containsString("published.rules[0].target.partnerId")))
                .body("detail", containsString("nothing was imported"));
        as("vera").get(REGION + "/partners/ex-new-partner").then().statusCode(404);
    }

    @Test
    void unreadableDocumentsAreBadRequests() {
        importYaml("format: [unclosed", false).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/unreadable"))
                .body("title", equalTo("Unreadable request"))
                .body("errors[0].field", equalTo("body"));
        importYaml("format: zorgpad-pathways/1\nsurprise: true\n", false).statusCode(400)
                .body("type", equalTo("https://zorgpad.nl/problems/unreadable"));
    }

    @Test
    void wimCannotExportOrImportVerasRegion() {
        as("wim").accept("application/yaml").get(REGION + "/export").then().statusCode(404);
        as("wim").contentType("application/yaml").body(export().getBytes(StandardCharsets.UTF_8)).post(REGION + "/import?dryRun=true")
                .then().statusCode(404);
    }
}
