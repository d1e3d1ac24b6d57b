package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static nl.zorgpad.pathway.Fixtures.rule;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
        ready = true;
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
        org.junit.jupiter.api.Assertions.assertEquals(yaml, export());
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
                .body("errors.field", hasItem(containsString("published.rules[0].target.partnerId")))
                .body("detail", containsString("nothing was imported"));
        as("vera").get(REGION + "/partners/ex-new-partner").then().statusCode(404);
    }

    @Test
    void unreadableDocumentsAreBadRequests() {
        importYaml("format: [unclosed", false).statusCode(400).contentType("application/problem+json");
        importYaml("format: zorgpad-pathways/1\nsurprise: true\n", false).statusCode(400);
    }

    @Test
    void wimCannotExportOrImportVerasRegion() {
        as("wim").accept("application/yaml").get(REGION + "/export").then().statusCode(404);
        as("wim").contentType("application/yaml").body(export().getBytes(StandardCharsets.UTF_8)).post(REGION + "/import?dryRun=true")
                .then().statusCode(404);
    }
}
