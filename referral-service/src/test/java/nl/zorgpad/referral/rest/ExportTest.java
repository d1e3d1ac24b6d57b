package nl.zorgpad.referral.rest;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.asPracticeSoftware;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.part;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.referral.support.Db;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExportTest {

    private static final String HEADER = "referralId,status,createdAt,referringPracticeId,partnerId,partnerName,"
            + "signalCodes,acknowledgeDeadline,overdue,reasonCode,outcome,closedAt,detailsErased,clientName,"
            + "clientBirthDate,clientBsn,clientPhone,clientEmail,clientPostcode,clientHouseNumber,preferredLanguage,"
            + "interpreterNeeded,literacyNote,hasSafeContact";

    private static final String EXPORTS_BY_ANNA = "SELECT count(*) FROM access_log WHERE event = 'export' "
            + "AND user_id = 'anna'";

    @Inject
    AgroalDataSource db;

    @Test
    void aMidwifeExportsHerPracticesReferralsAsCsvWithOneAccessLogRecordEach() {
        String name = uniqueName();
        String id = as("anna").body(handover(name, "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");

        long exportsBefore = Db.count(db, EXPORTS_BY_ANNA);
        String csv = as("anna").accept("text/csv").get("/api/referrals/export?signal=financial-debt")
                .then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asString();

        List<List<String>> rows = parse(csv);
        assertEquals(HEADER, String.join(",", rows.get(0)));
        Map<String, String> row = row(rows, id);
        assertNotNull(row, "anna's export holds her referral");
        assertEquals("requested", row.get("status"));
        assertEquals("partner-wijkteam-smallingerland", row.get("partnerId"));
        assertEquals("financial-debt", row.get("signalCodes"));
        assertEquals(name, row.get("clientName"));
        assertEquals("2001-03-04", row.get("clientBirthDate"));
        assertEquals("06 12345678", row.get("clientPhone"));
        assertEquals("9203AB", row.get("clientPostcode"));
        assertEquals("true", row.get("hasSafeContact"));
        for (List<String> line : rows.subList(1, rows.size())) {
            assertEquals(row.get("referringPracticeId"), line.get(3), "only anna's own practice");
            assertTrue(line.get(6).contains("financial-debt"), "only the filtered signal");
        }
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE referral_id = ? AND event = 'export' "
                + "AND user_id = 'anna' AND outcome = 'success' AND client_name_pseudonym IS NOT NULL",
                UUID.fromString(id)));
        assertEquals(rows.size() - 1, Db.count(db, EXPORTS_BY_ANNA) - exportsBefore, "one record per exported line");
    }

    @Test
    void exportsAreIsolatedBetweenPracticesAndBetweenDistrictTeams() {
        String name = uniqueName();
        var created = as("anna").body(handover(name, "financial-debt", "smoking")).post("/api/referrals")
                .then().statusCode(201).extract();
        String toSmallingerland = created.path("handovers[0].referralId");
        String toOpsterland = created.path("handovers[1].referralId");
        String beasName = uniqueName();
        String beas = as("bea").body(handover(beasName, "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");

        String anna = export("anna");
        assertTrue(anna.contains(toSmallingerland) && anna.contains(toOpsterland) && anna.contains(name));
        assertFalse(anna.contains(beas) || anna.contains(beasName), "anna gets nothing of bea's");
        String bea = export("bea");
        assertTrue(bea.contains(beas) && bea.contains(beasName));
        assertFalse(bea.contains(toSmallingerland) || bea.contains(toOpsterland) || bea.contains(name),
                "bea gets nothing of anna's");

        String daan = export("daan");
        assertTrue(daan.contains(toSmallingerland) && daan.contains(beas));
        assertFalse(daan.contains(toOpsterland), "daan gets nothing addressed to Opsterland");
        assertEquals("true", row(parse(daan), toSmallingerland).get("hasSafeContact"));
        String eva = export("eva");
        assertTrue(eva.contains(toOpsterland));
        assertFalse(eva.contains(toSmallingerland) || eva.contains(beas),
                "eva gets nothing addressed to Smallingerland");

        assertEquals(0, Db.count(db, "SELECT count(*) FROM access_log WHERE event = 'export' AND ((referral_id = ? "
                + "AND user_id IN ('bea', 'eva')) OR (referral_id = ? AND user_id IN ('anna', 'eva')) "
                + "OR (referral_id = ? AND user_id IN ('bea', 'daan')))", UUID.fromString(toSmallingerland),
                UUID.fromString(beas), UUID.fromString(toOpsterland)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE event = 'export' AND referral_id = ? "
                + "AND user_id = 'daan' AND organisation_id = 'partner-wijkteam-smallingerland'",
                UUID.fromString(toSmallingerland)));
        assertEquals(1, Db.count(db, "SELECT count(*) FROM access_log WHERE event = 'export' AND referral_id = ? "
                + "AND user_id = 'eva'", UUID.fromString(toOpsterland)));
    }

    @Test
    void safeContactRulesAreNeverExportedOnlyThatTheyExist() {
        String id = asPracticeSoftware().body(handover(uniqueName(), "financial-debt")).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("safeContact", null);
        String withoutRules = as("anna").body(body).post("/api/referrals")
                .then().statusCode(201).extract().path("handovers[0].referralId");
        for (String user : List.of("anna", "daan")) {
            String csv = export(user);
            Map<String, String> row = row(parse(csv), id);
            assertNotNull(row.get("clientName"));
            assertEquals("true", row.get("hasSafeContact"), user);
            assertEquals("false", row(parse(csv), withoutRules).get("hasSafeContact"), user);
            assertFalse(csv.contains("Only this number") || csv.contains("87654321") || csv.contains("home-visit"),
                    user + "'s export holds no safe-contact rule");
        }
    }

    @Test
    void cellsASpreadsheetWouldReadAsAFormulaAreNeutralised() {
        Map<String, Object> body = handover(uniqueName(), "financial-debt");
        part(body, "client").put("literacyNote", "=HYPERLINK(\"http://evil.example\",\"click\")");
        part(body, "client").put("houseNumber", "+12 bis");
        String id = as("anna").body(body).post("/api/referrals").then().statusCode(201).extract()
                .path("handovers[0].referralId");
        String csv = export("anna");
        Map<String, String> row = row(parse(csv), id);
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"click\")", row.get("literacyNote"));
        assertEquals("'+12 bis", row.get("clientHouseNumber"));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "quotes doubled");
    }

    @Test
    void onlyTheTwoEndsExportAndBadFiltersAreRefused() {
        as("vera").accept("text/csv").get("/api/referrals/export").then().statusCode(403);
        as("pim").accept("text/csv").get("/api/referrals/export").then().statusCode(403);
        io.restassured.RestAssured.given().accept("text/csv").get("/api/referrals/export").then().statusCode(401);
        as("anna").accept("text/csv").get("/api/referrals/export?status=done").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        as("anna").accept("text/csv").get("/api/referrals/export?from=2026-02-01&to=2026-01-01").then()
                .statusCode(422).body("errors[0].field", equalTo("to"));
        String none = as("anna").accept("text/csv").get("/api/referrals/export?from=2000-01-01&to=2000-12-31")
                .then().statusCode(200).extract().asString();
        assertEquals(1, parse(none).size(), "just the header");
    }

    private static String export(String user) {
        return as(user).accept("text/csv").get("/api/referrals/export").then().statusCode(200).extract().asString();
    }

    /** The row of a referral as column name to cell, or null when the export does not hold it. */
    private static Map<String, String> row(List<List<String>> rows, String id) {
        for (List<String> line : rows.subList(1, rows.size())) {
            if (line.get(0).equals(id)) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < line.size(); i++) {
                    row.put(rows.get(0).get(i), line.get(i));
                }
                return row;
            }
        }
        return null;
    }

    /** RFC 4180 reader: quoted cells, doubled quotes, CRLF between lines. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                line.add(cell.toString());
                cell.setLength(0);
                rows.add(line);
                line = new ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        assertNull(quoted ? "unterminated" : null);
        assertTrue(line.isEmpty() && cell.isEmpty(), "every line ends with CRLF");
        return rows;
    }
}
