package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.console.client.Referrals.Summary;
import org.junit.jupiter.api.Test;

class WerkbakTest {

    private static Summary referral(String name, String status, boolean overdue) {
        return new Summary(UUID.randomUUID(), status, "practice-de-wieken", "partner-wijkteam-smallingerland",
                "Sociaal Wijkteam Smallingerland", List.of("financial-debt"), name, false, null, overdue,
                overdue ? -2 : 3, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void newReferralsComeFirstWithTheOverdueOnesOnTop() {
        Werkbak werkbak = Werkbak.of(List.of(referral("newest", "requested", false),
                referral("accepted", "accepted", false), referral("late", "requested", true),
                referral("older", "requested", false), referral("done", "completed", false),
                referral("held", "on-hold", false)), 6);
        assertEquals(List.of("late", "newest", "older"), werkbak.fresh().stream().map(Summary::clientName).toList());
        assertEquals(List.of("accepted", "held"), werkbak.open().stream().map(Summary::clientName).toList());
        assertEquals(List.of("done"), werkbak.closed().stream().map(Summary::clientName).toList());
    }

    @Test
    void onlyTheMostRecentClosedReferralsAreShown() {
        List<Summary> referrals = new ArrayList<>();
        for (int i = 0; i < Werkbak.CLOSED_SHOWN + 5; i++) {
            referrals.add(referral("closed " + i, i % 2 == 0 ? "rejected" : "cancelled", false));
        }
        Werkbak werkbak = Werkbak.of(referrals, referrals.size());
        assertEquals(Werkbak.CLOSED_SHOWN, werkbak.closed().size());
        assertEquals("closed 0", werkbak.closed().get(0).clientName());
    }

    @Test
    void anEmptyQueueSaysSo() {
        assertTrue(Werkbak.of(List.of(), 0).isEmpty());
    }
}
