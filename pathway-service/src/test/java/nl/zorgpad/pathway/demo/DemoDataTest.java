package nl.zorgpad.pathway.demo;

import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import nl.zorgpad.pathway.Fixtures;
import nl.zorgpad.pathway.domain.Pathway;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.service.PathwayValidator;
import org.junit.jupiter.api.Test;

/** Boots with the demo migrations of deploy/run, so the demo data cannot rot. */
@QuarkusTest
@TestProfile(WithDemoData.class)
class DemoDataTest {

    private static final String RESOLVE = "/api/routes/resolve";

    @Inject
    PathwayValidator validator;

    @Inject
    DataSource dataSource;

    @Test
    void meriamAndMichasSignalsGoToTheSmallingerlandDistrictTeam() {
        as("anna").body(Map.of("postcode", "9203 AB",
                        "signalTypes", List.of("financial-debt", "poverty-income", "psychological", "low-literacy"),
                        "dueDate", Fixtures.today().plusDays(120).toString(), "vulnerability", "vulnerable",
                        "clientAge", 31, "urgency", "routine"))
                .post(RESOLVE).then().statusCode(200)
                .body("phase", equalTo("pregnancy"))
                .body("municipalityCode", equalTo("GM0090"))
                .body("results.status", everyItem(equalTo("routed")))
                .body("results.primary.partnerId", everyItem(equalTo("partner-wijkteam-smallingerland")))
                .body("results[0].primary.instruction",
                        startsWith("Vraag toestemming voor de overdracht; het wijkteam"))
                .body("results[0].alternatives.partnerId", contains("partner-schuldhulp-zuidoost-friesland"))
                .body("results[2].alternatives.partnerId", contains("partner-ggz-perinataal"));
    }

    @Test
    void tinyAndLeoGetAStopSmokingCoachButTeenParentIsAGapInOoststellingwerf() {
        as("bea").body(Map.of("postcode", "8431AA", "signalTypes", List.of("smoking", "teen-parent"),
                        "dueDate", Fixtures.today().plusDays(150).toString(), "vulnerability", "potentially-vulnerable",
                        "clientAge", 19))
                .post(RESOLVE).then().statusCode(200)
                .body("municipalityCode", equalTo("GM0085"))
                .body("results[0].primary.partnerId", equalTo("partner-rookvrije-start"))
                .body("results[1].status", equalTo("no-route"))
                .body("results[1].gap", containsString("teen-parent for municipality Ooststellingwerf (GM0085)"));
    }

    @Test
    void lindaTwoWeeksAfterBirthIsRoutedToTheDistrictTeam() {
        as("anna").body(Map.of("postcode", "9201", "signalTypes", List.of("trauma", "social-network"),
                        "birthDate", Fixtures.today().minusDays(14).toString(), "vulnerability", "very-vulnerable",
                        "clientAge", 27))
                .post(RESOLVE).then().statusCode(200)
                .body("phase", equalTo("postpartum"))
                .body("results.primary.partnerId", everyItem(equalTo("partner-wijkteam-smallingerland")))
                .body("results[0].primary.instruction", containsString("alleen via haar eigen telefoon"));
    }

    @Test
    void theDemoUsersOrganisationsAndPartnersExist() {
        as("vera").get("/api/regions/" + VERA_REGION + "/partners").then().statusCode(200)
                .body("$", hasSize(12))
                .body("id", hasItems("partner-wijkteam-smallingerland", "partner-gebiedsteam-opsterland"));
        as("wim").get("/api/regions/region-heerenveen").then().statusCode(200)
                .body("municipalities.code", contains("GM0074"));
        as("vera").get("/api/regions/" + VERA_REGION).then().statusCode(200)
                .body("municipalities.code", contains("GM0090", "GM0086", "GM0085", "GM0059"));
    }

    @Test
    void theCoverageReportShowsDeliberateWhiteSpots() {
        as("vera").get("/api/regions/" + VERA_REGION + "/coverage").then().statusCode(200)
                .body("summary.routed", greaterThan(100))
                .body("summary.notRouted", greaterThan(0))
                .body("summary.onlyClosed", greaterThan(0))
                .body("staleCapacity.partnerId", hasItem("partner-schuldhulp-zuidoost-friesland"));
    }

    @Test
    void theDemoInstructionsAreWrittenInDutch() {
        // A rough check, but one that catches an English sentence: Dutch instructions have none of these words.
        Pattern english = Pattern.compile("\\b(the|and|to|for|with|ask|refer|offer|your)\\b",
                Pattern.CASE_INSENSITIVE);
        List<String> instructions = QuarkusTransaction.requiringNew().call(() ->
                PathwayVersion.<PathwayVersion>list("status", PathwayVersion.PUBLISHED).stream()
                        .flatMap(version -> version.rules.stream()).map(RouteRule::instruction).toList());
        assertTrue(instructions.size() >= 50, "demo instructions: " + instructions.size());
        assertEquals(List.of(), instructions.stream().filter(text -> english.matcher(text).find()).toList());
        assertTrue(instructions.contains("Acuut gevaar: bel nu Veilig Thuis of 112, niet via deze verwijzing. "
                + "Spreek eerst af hoe je veilig contact houdt."), "the domestic-violence emergency instruction");
    }

    @Test
    void runAgainOnAKeptDemoDatabaseTheScriptRefreshesDemoTextsAndKeepsTheUsersChanges() throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/db/demo/R__demo_regions_partners_pathways.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${demo_data}", "true");
        }
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.setEscapeProcessing(false);
            // As a database kept from before the texts were Dutch, with a change of the demo user's own.
            sql.executeUpdate("UPDATE pathway_version SET rules = jsonb_set(rules, '{0,instruction}', "
                    + "'\"JGZ offers parenting preparation.\"') WHERE pathway_id = 'pw-hv-parenting' AND version = 1");
            sql.executeUpdate("UPDATE region SET name = 'Heerenveen en omstreken' WHERE id = 'region-heerenveen'");
            try {
                long versions = count(sql, "SELECT count(*) FROM pathway_version");
                sql.execute(script);
                assertEquals(versions, count(sql, "SELECT count(*) FROM pathway_version"));
                assertEquals(1, count(sql, "SELECT count(*) FROM pathway_version WHERE pathway_id = 'pw-hv-parenting'"
                        + " AND rules -> 0 ->> 'instruction' = 'De JGZ biedt voorbereiding op het ouderschap.'"));
                assertEquals(1, count(sql, "SELECT count(*) FROM region WHERE name = 'Heerenveen en omstreken'"));
            } finally {
                sql.executeUpdate("UPDATE region SET name = 'VSV Heerenveen e.o.' WHERE id = 'region-heerenveen'");
            }
        }
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void everyDemoPathwayPassesTheSameValidationAsTheApi() {
        List<String> problems = new ArrayList<>();
        int checked = QuarkusTransaction.requiringNew().call(() -> {
            List<PathwayVersion> versions = PathwayVersion.list("status", PathwayVersion.PUBLISHED);
            for (PathwayVersion version : versions) {
                Pathway pathway = Pathway.findById(version.pathwayId);
                Region region = Region.findById(pathway.regionId);
                validator.check(region, version.rules)
                        .forEach(error -> problems.add(pathway.id + " " + error.field() + " " + error.message()));
            }
            return versions.size();
        });
        assertTrue(checked >= 18, "published demo pathways: " + checked);
        assertEquals(List.of(), problems);
    }
}
