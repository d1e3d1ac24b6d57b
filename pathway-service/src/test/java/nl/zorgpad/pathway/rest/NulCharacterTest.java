package nl.zorgpad.pathway.rest;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgpad.pathway.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL cannot store U+0000: each way a request can carry one ends in a 400 problem, never a 500. */
@QuarkusTest
class NulCharacterTest {

    private static final String REGION = "/api/regions/" + VERA_REGION;
    private static final String NUL_MESSAGE = "must not contain the NUL character (U+0000)";

    @BeforeEach
    void data() {
        Fixtures.regions();
    }

    @Test
    void aNulInAJsonStringIsRefusedForItsFieldAndNothingIsStored() {
        as("vera").body(Fixtures.partnerBody("pr-nul", "Team\u0000Nul", "other", List.of("GM0090"), "open"))
                .post(REGION + "/partners").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo(NUL_MESSAGE));
        as("vera").get(REGION + "/partners/pr-nul").then().statusCode(404);
    }

    @Test
    void aNulInAPathOrQueryParameterIsRefused() {
        as("vera").urlEncodingEnabled(false).get(REGION + "/partners/pr%00x").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("uri"));
        as("vera").urlEncodingEnabled(false).contentType("application/yaml").body("format: x".getBytes(StandardCharsets.UTF_8))
                .post(REGION + "/import?dryRun=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("uri"));
    }

    @Test
    void aNulInAnImportedDocumentIsRefusedForItsFieldAndNothingChanges() {
        String before = export();
        String poisoned = before.replace("name: VSV Zuidoost-Friesland", "name: \"VSV\\0Zuidoost-Friesland\"");
        assertNotEquals(before, poisoned, "the export names the region");
        as("vera").contentType("application/yaml").body(poisoned.getBytes(StandardCharsets.UTF_8))
                .post(REGION + "/import").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://zorgpad.nl/problems/unreadable"))
                .body("errors[0].field", equalTo("region.name"))
                .body("errors[0].message", equalTo(NUL_MESSAGE));
        assertEquals(before, export());
    }

    private static String export() {
        return as("vera").accept("application/yaml").get(REGION + "/export").then().statusCode(200)
                .extract().asString();
    }
}
