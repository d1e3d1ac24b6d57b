package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.console.client.AccessLogs.Line;
import org.junit.jupiter.api.Test;

class AccessLogCsvTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final UUID REFERRAL = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001");
    private static final Map<String, String> COLUMNS = Map.of("at", "Wanneer", "user", "Wie", "organisation",
            "Organisatie", "role", "Rol", "on-behalf-of", "Namens", "event", "Wat", "outcome", "Uitkomst",
            "application", "Applicatie", "referral", "Verwijzing");
    private static final AccessLogCsv.Words DUTCH = new AccessLogCsv.Words(COLUMNS::get,
            event -> Map.of("read", "bekeken", "export", "geëxporteerd").getOrDefault(event, event),
            outcome -> Map.of("success", "toegestaan", "denied", "geweigerd").getOrDefault(outcome, outcome),
            role -> Map.of("district-team", "wijkteam").getOrDefault(role, role));

    private static Line read(String user) {
        return new Line(Instant.parse("2026-11-24T10:00:05Z"), "read", REFERRAL, user,
                "partner-wijkteam-smallingerland", user, "success", "district-team", "zorgpad-console");
    }

    @Test
    void headerNamesTheColumnsInTheReadersWords() {
        String csv = AccessLogCsv.write(List.of(), DUTCH, AMSTERDAM);

        assertEquals("\"Wanneer\",\"Wie\",\"Organisatie\",\"Rol\",\"Namens\",\"Wat\",\"Uitkomst\",\"Applicatie\","
                + "\"Verwijzing\"\r\n", csv);
    }

    @Test
    void oneLinePerAccessInDutchWordsAndLocalTime() {
        Line denied = new Line(Instant.parse("2026-07-01T22:30:00Z"), "export", REFERRAL, "eva",
                "partner-gebiedsteam-opsterland", "eva", "denied");

        List<List<String>> rows = parse(AccessLogCsv.write(List.of(read("daan"), denied), DUTCH, AMSTERDAM));

        assertEquals(3, rows.size());
        assertEquals(List.of("2026-11-24 11:00:05", "daan", "partner-wijkteam-smallingerland", "wijkteam", "daan",
                "bekeken", "toegestaan", "zorgpad-console", REFERRAL.toString()), rows.get(1));
        // Summer time, and past midnight in the Netherlands; a record from before role and application were logged.
        assertEquals(List.of("2026-07-02 00:30:00", "eva", "partner-gebiedsteam-opsterland", "", "eva",
                "geëxporteerd", "geweigerd", "", REFERRAL.toString()), rows.get(2));
    }

    @Test
    void commasQuotesAndLineBreaksSurvive() {
        String awkward = "de Vries, \"Anna\"\r\nverloskundige\nDrachten";

        String csv = AccessLogCsv.write(List.of(read(awkward)), DUTCH, AMSTERDAM);

        assertTrue(csv.contains("\"de Vries, \"\"Anna\"\"\r\nverloskundige\nDrachten\""), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(2, rows.size());
        assertEquals(awkward, rows.get(1).get(1));
        assertEquals(awkward, rows.get(1).get(4));
        assertEquals(9, rows.get(1).size());
    }

    @Test
    void cellsAFormulaCouldHideInStartWithAnApostrophe() {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+31612345678", "-2+3", "@SUM(A1)", "\tcmd",
                "\rcmd")) {
            List<List<String>> rows = parse(AccessLogCsv.write(List.of(read(formula)), DUTCH, AMSTERDAM));

            assertEquals("'" + formula, rows.get(1).get(1), formula);
        }
    }

    @Test
    void harmlessCellsStayAsTheyAre() {
        assertEquals("daan", AccessLogCsv.cell("daan"));
        assertEquals("a=b", AccessLogCsv.cell("a=b"));
        assertEquals("", AccessLogCsv.cell(null));
        assertEquals("", AccessLogCsv.cell(""));
    }

    @Test
    void missingValuesAreEmptyCells() {
        Line bare = new Line(null, null, null, "daan", null, null, null);

        List<List<String>> rows = parse(AccessLogCsv.write(List.of(bare), DUTCH, AMSTERDAM));

        assertEquals(List.of("", "daan", "", "", "", "", "", "", ""), rows.get(1));
    }

    @Test
    void unknownEventsKeepTheirCode() {
        Line later = new Line(Instant.parse("2026-11-24T10:00:00Z"), "print", REFERRAL, "daan", "org", "daan",
                "success");

        assertEquals("print", parse(AccessLogCsv.write(List.of(later), DUTCH, AMSTERDAM)).get(1).get(5));
    }

    /** An RFC 4180 reader, as a spreadsheet reads the file: quoted cells, doubled quotes, CRLF between records. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                throw new AssertionError("unquoted character " + (int) c + " at " + i + " in " + csv);
            }
        }
        assertTrue(row.isEmpty() && cell.isEmpty(), "the file ends with CRLF");
        return rows;
    }
}
