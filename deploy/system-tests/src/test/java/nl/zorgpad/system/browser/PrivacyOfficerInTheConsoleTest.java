package nl.zorgpad.system.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.system.Families;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pim, the privacy officer, answers Meriam's question "who saw my data": by her BSN, by her name and birth date, and
 * as a CSV file, each showing that daan of the district team read her referral; and prints the overview for the
 * client, with organisations and roles but no staff, which noor, privacy officer of another practice, gets empty.
 */
@ExtendWith(RunningSystem.class)
@Order(5)
class PrivacyOfficerInTheConsoleTest {

    private static final String DAANS_TEAM = "partner-wijkteam-smallingerland";
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void pimFindsWhoSawMeriamsReferralByBsnAndByNameAndDownloadsIt() throws IOException {
        // A Meriam of her own (not the handover scenario's), with a BSN of her own.
        Family meriam = new Family("Meriam Haddou " + Family.RUN, LocalDate.of(1994, 6, 21), "0612345678",
                "9203 AB", "14");
        String bsn = Families.newBsn();
        String referralId = AnnasPractice.hasReferred(meriam, bsn);

        Browser daan = browsers.of("daan");
        daan.logsIn();
        assertEquals(meriam.name(), ReferralPage.openIn(daan, referralId).clientName());

        Browser pim = browsers.of("pim");
        pim.logsIn();
        AccessLogPage byBsn = AccessLogPage.openIn(pim).searchByBsn(bsn);
        assertTrue(byBsn.problemMessage().isEmpty(), byBsn.problemMessage().toString());
        List<AccessLogPage.Access> found = byBsn.accesses();
        assertTrue(found.stream().anyMatch(a -> a.event().equals("create") && a.user().equals("anna")),
                "anna made it: " + found);
        AccessLogPage.Access daansRead = found.stream()
                .filter(a -> a.event().equals("read") && a.user().equals("daan")).findFirst()
                .orElseThrow(() -> new AssertionError("no read by daan in " + found));
        assertEquals(DAANS_TEAM, daansRead.organisation());
        assertEquals("medewerker van een wijkteam of andere hulporganisatie", daansRead.roleText());
        assertEquals("zorgpad-console", daansRead.application());
        assertEquals("bekeken", daansRead.eventText());
        assertEquals("success", daansRead.outcome());
        assertEquals("toegestaan", daansRead.outcomeText());
        assertEquals(referralId, daansRead.referralId());
        assertTrue(found.stream().allMatch(a -> a.referralId().equals(referralId)), "only her referral: " + found);
        assertEquals(found.size() + " keer toegang, oudste eerst", byBsn.caption());

        // By name and birth date: the same accesses, and after them pim's own search by BSN.
        AccessLogPage byName = AccessLogPage.openIn(pim).searchByNameAndBirthDate(meriam.name(), meriam.birthDate());
        List<AccessLogPage.Access> named = byName.accesses();
        assertEquals(found.size() + 1, named.size(), named.toString());
        assertEquals(found, named.subList(0, found.size()));
        AccessLogPage.Access pimsSearch = named.get(found.size());
        assertEquals("access-log-search", pimsSearch.event());
        assertEquals("pim", pimsSearch.user());
        assertEquals("opgezocht in de logging", pimsSearch.eventText());

        // The file: a Dutch header, then the same lines, and pim's search by name (the download searches again).
        Path csv = byName.downloadCsvInto(Path.of("target", "downloads", "access-log-" + System.nanoTime()));
        List<List<String>> lines = csvLines(Files.readString(csv, StandardCharsets.UTF_8));
        assertEquals(List.of("Wanneer", "Wie", "Organisatie", "Rol", "Namens", "Wat", "Uitkomst", "Applicatie",
                "Verwijzing"), lines.get(0));
        assertEquals(named.size() + 2, lines.size(), lines.toString());
        for (int i = 0; i < named.size(); i++) {
            assertEquals(asCsv(named.get(i)), lines.get(i + 1), "line " + (i + 1));
        }
        List<String> lastSearch = lines.get(lines.size() - 1);
        assertEquals(List.of("pim", "privacyfunctionaris", "opgezocht in de logging", "zorgpad-console", referralId),
                List.of(lastSearch.get(1), lastSearch.get(3), lastSearch.get(5), lastSearch.get(7),
                        lastSearch.get(8)));
    }

    @Test
    void pimPrintsMeriamsOverviewWithoutStaffNamesAndNoorOfAnotherPracticeFindsNothing() {
        Family meriam = new Family("Meriam Bakker " + Family.RUN, LocalDate.of(1993, 2, 11), "0612345678",
                "9203 AB", "16");
        String bsn = Families.newBsn();
        String referralId = AnnasPractice.hasReferred(meriam, bsn);
        Browser daan = browsers.of("daan");
        daan.logsIn();
        assertEquals(meriam.name(), ReferralPage.openIn(daan, referralId).clientName());

        Browser pim = browsers.of("pim");
        pim.logsIn();
        ClientOverviewPage overview = AccessLogPage.openIn(pim).overviewByBsn(bsn);
        assertEquals("Wie heeft je gegevens gezien", pim.heading());
        List<ClientOverviewPage.Access> accesses = overview.accesses();
        ClientOverviewPage.Access created = accesses.get(0);
        assertEquals(List.of("practice-de-wieken", "verloskundige", "create", "aangemaakt", "gegevens getoond"),
                List.of(created.organisation(), created.roleText(), created.event(), created.eventText(),
                        created.outcomeText()), accesses.toString());
        assertTrue(accesses.stream().anyMatch(a -> a.event().equals("read") && a.organisation().equals(DAANS_TEAM)
                && a.roleText().equals("medewerker van een wijkteam of andere hulporganisatie")
                && a.eventText().equals("bekeken")), accesses.toString());
        assertEquals("practice-de-wieken", overview.organisations().get(0));
        assertTrue(overview.organisations().contains(DAANS_TEAM), overview.organisations().toString());
        String printed = pim.mainText();
        for (String notForTheClient : List.of("anna", "daan", "Anna de Vries", bsn, referralId)) {
            assertFalse(printed.contains(notForTheClient), notForTheClient + " on the page");
        }

        AccessLogPage withoutClient = AccessLogPage.openIn(pim).overviewByReferralOnly(referralId);
        assertEquals(Optional.of("Vul voor het overzicht een BSN in, of een naam met geboortedatum: een "
                + "verwijzingsnummer noemt geen cliënt."), withoutClient.errorAt("bsn"));

        Browser noor = browsers.of("noor");
        noor.logsIn();
        ClientOverviewPage none = AccessLogPage.openIn(noor).overviewByBsn(bsn);
        assertTrue(none.saysNothingWasFound());
        assertEquals(List.of(), none.accesses());
    }

    /** An access as the CSV writes it: the time in the Netherlands to the second, then the words of the page. */
    private static List<String> asCsv(AccessLogPage.Access access) {
        return List.of(CSV_TIME.format(Instant.parse(access.at()).atZone(NETHERLANDS)), access.user(),
                access.organisation(), access.roleText(), access.onBehalfOf(), access.eventText(),
                access.outcomeText(), access.application(), access.referralId());
    }

    /** RFC 4180 as the console writes it: every cell quoted, inner quotes doubled, CRLF line ends. */
    private static List<List<String>> csvLines(String text) {
        assertTrue(text.endsWith("\r\n"), "CRLF line ends");
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(List.copyOf(cells));
                cells.clear();
                i++;
            } else {
                cell.append(c);
            }
        }
        return lines;
    }
}
