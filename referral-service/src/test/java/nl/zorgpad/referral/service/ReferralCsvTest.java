package nl.zorgpad.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.SafeContact;
import nl.zorgpad.referral.domain.Referral;
import org.junit.jupiter.api.Test;

class ReferralCsvTest {

    @Test
    void cellsStartingWithAFormulaCharacterGetAnApostrophe() {
        assertEquals("'=1+2", ReferralCsv.cell("=1+2"));
        assertEquals("'+31 6 12345678", ReferralCsv.cell("+31 6 12345678"));
        assertEquals("'-2+3", ReferralCsv.cell("-2+3"));
        assertEquals("'@SUM(A1)", ReferralCsv.cell("@SUM(A1)"));
        assertEquals("'\t=1", ReferralCsv.cell("\t=1"));
        assertEquals("'\r=1", ReferralCsv.cell("\r=1"));
        assertEquals("Meriam = fine", ReferralCsv.cell("Meriam = fine"));
        assertEquals("", ReferralCsv.cell(null));
    }

    @Test
    void everyCellIsQuotedQuotesAreDoubledAndSafeContactRulesNeverWritten() {
        Referral r = new Referral();
        r.id = UUID.fromString("0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10");
        r.status = "requested";
        r.createdAt = Instant.parse("2026-11-24T09:31:02Z");
        r.referringPracticeId = "practice-a";
        r.partnerId = "partner-b";
        r.partnerName = "Team \"B\", Drachten";
        r.signalCodes = new String[] {"financial-debt", "smoking"};
        r.acknowledgeDeadline = LocalDate.of(2026, 12, 1);
        r.client = new ClientDetails("M. de Vries", LocalDate.of(2002, 5, 14), null, "0612345678", null, "9203AB",
                "12", "nl", false, "line one\nline two", new SafeContact(List.of("phone"), "0687654321",
                List.of(new SafeContact.SafeTime(List.of("monday"), "09:00", "12:00")), true, "only this number"));

        LocalDate today = LocalDate.of(2026, 11, 24);
        String shown = ReferralCsv.write(List.of(new ReferralCsv.Row(r, today)));

        String[] lines = shown.split("\r\n");
        assertEquals(2, lines.length);
        assertEquals(String.join(",", ReferralCsv.HEADER.stream().map(h -> "\"" + h + "\"").toList()), lines[0]);
        assertTrue(lines[1].startsWith("\"0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10\",\"requested\","
                + "\"2026-11-24T09:31:02Z\",\"practice-a\",\"partner-b\",\"Team \"\"B\"\", Drachten\","
                + "\"financial-debt smoking\",\"2026-12-01\",\"false\",\"\",\"\",\"\",\"false\",\"M. de Vries\","
                + "\"2002-05-14\",\"\",\"0612345678\""), lines[1]);
        assertTrue(lines[1].endsWith("\"line one\nline two\",\"true\""), lines[1]);
        assertFalse(shown.contains("only this number") || shown.contains("0687654321") || shown.contains("09:00"),
                "only that safe-contact rules exist");
    }

    @Test
    void overdueIsJudgedOnTheExportDay() {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.status = "requested";
        r.createdAt = Instant.parse("2026-11-24T09:31:02Z");
        r.referringPracticeId = "practice-a";
        r.partnerId = "partner-b";
        r.partnerName = "B";
        r.signalCodes = new String[] {"financial-debt"};
        r.acknowledgeDeadline = LocalDate.of(2026, 12, 1);
        assertEquals("\"false\"", overdueCell(r, LocalDate.of(2026, 12, 1)), "not on the deadline itself");
        assertEquals("\"true\"", overdueCell(r, LocalDate.of(2026, 12, 2)), "the day after the deadline");
        r.status = "accepted";
        assertEquals("\"false\"", overdueCell(r, LocalDate.of(2026, 12, 2)), "acknowledged");
    }

    private static String overdueCell(Referral r, LocalDate today) {
        String line = ReferralCsv.write(List.of(new ReferralCsv.Row(r, today))).split("\r\n")[1];
        return line.split(",")[ReferralCsv.HEADER.indexOf("overdue")];
    }

    @Test
    void erasedDetailsLeaveTheClientCellsEmpty() {
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.status = "cancelled";
        r.createdAt = Instant.now();
        r.referringPracticeId = "practice-a";
        r.partnerId = "partner-b";
        r.partnerName = "B";
        r.signalCodes = new String[] {"financial-debt"};
        r.acknowledgeDeadline = LocalDate.of(2026, 12, 1);
        r.eraseClientDetails(Instant.now(), "consent-withdrawn");
        String line = ReferralCsv.write(List.of(new ReferralCsv.Row(r, LocalDate.of(2026, 11, 24))))
                .split("\r\n")[1];
        assertTrue(line.endsWith(",\"true\"" + ",\"\"".repeat(11)), line);
    }
}
