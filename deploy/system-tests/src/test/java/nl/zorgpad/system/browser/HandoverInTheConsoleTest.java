package nl.zorgpad.system.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The warm handover in the console, each person in a browser of her own: anna refers from her practice, daan works
 * his werkbak at the district team, and the answer comes back to anna's list.
 */
@ExtendWith(RunningSystem.class)
@Order(5)
class HandoverInTheConsoleTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void annaRefersMeriamDaanSeesItArriveLiveAndAcceptsAndAnnaSeesGeaccepteerd() {
        Family meriam = Family.meriam();
        Browser daan = browsers.of("daan");
        Browser anna = browsers.of("anna");

        // Daan has his werkbak open before anna sends anything.
        daan.logsIn();
        WerkbakPage werkbak = WerkbakPage.openIn(daan);
        werkbak.markThisPageLoad();
        assertFalse(werkbak.showsReferralOf(meriam.name()));

        // Anna fills in the form during the consultation, checks where it goes, and sends it.
        anna.logsIn();
        NewReferralPage form = NewReferralPage.openIn(anna)
                .client(meriam)
                .safeContact("Niet als haar partner thuis is", "phone", "home-visit")
                .dueDate(LocalDate.now().plusWeeks(20))
                .signal("financial-debt", "Zorgen over de kosten van babyspullen en een achterstand met de huur")
                .signal("psychological", "Bang voor de bevalling; depressie na haar eerste kind")
                .signal("low-literacy", "Wil uitleg liever mondeling")
                .consentFor("district-team")
                .sharing("identity", "contact", "signals", "language", "safe-contact")
                .referrerPhone("0512 123456");
        String route = form.showRoute();
        assertTrue(route.contains("Sociaal Wijkteam Smallingerland"), route);
        SentPage sent = form.send();
        assertEquals("Verwijzing verstuurd", sent.heading());
        String referralId = sent.referralIdFor("Sociaal Wijkteam Smallingerland");

        // The referral appears in daan's werkbak by itself: no reload, a live update from the inbox stream.
        assertEquals("nieuw", werkbak.waitForReferralOf(meriam.name(), Duration.ofSeconds(30)));
        assertTrue(werkbak.isStillTheMarkedPageLoad(), "the werkbak was not reloaded or left");
        assertTrue(werkbak.liveUpdatesReceived() > 0, "the row came with a live update of the stream");

        // The first thing daan reads about Meriam is how (not) to contact her.
        ReferralPage referral = werkbak.opensReferralOf(meriam.name());
        assertEquals(meriam.name(), referral.clientName());
        assertEquals("safe-contact", referral.firstContentAfterHeading());
        assertTrue(referral.safeContactComesBeforeClientDetails());
        String warning = referral.safeContactWarning();
        assertTrue(warning.contains("Niet als haar partner thuis is") && warning.contains("telefoon, huisbezoek")
                && warning.contains("Laat geen berichten achter"), warning);

        ReferralPage accepted = referral.accept();
        assertEquals("geaccepteerd", accepted.status());
        assertTrue(accepted.doneMessage().orElse("").contains("geaccepteerd"), accepted.doneMessage().toString());
        assertFalse(accepted.offersAccept());

        // Back at the practice: anna's list shows what became of it.
        assertEquals("geaccepteerd", MyReferralsPage.openIn(anna).statusOf(meriam.name()));
        assertEquals("geaccepteerd", ReferralPage.openIn(anna, referralId).status());
    }

    @Test
    void daanRejectsWithAReasonAndAnnaSeesTheReason() {
        Family sanne = Family.named("Sanne Visser");
        String referralId = AnnasPractice.hasReferred(sanne);
        Browser daan = browsers.of("daan");
        Browser anna = browsers.of("anna");

        daan.logsIn();
        ReferralPage rejected = ReferralPage.openIn(daan, referralId)
                .reject("no-capacity", "Ons team zit vol tot maart; het gebiedsteam kan eerder.");
        assertEquals("afgewezen", rejected.status());
        assertTrue(rejected.doneMessage().isPresent(), "daan is told the rejection was saved");

        anna.logsIn();
        assertEquals("afgewezen", MyReferralsPage.openIn(anna).statusOf(sanne.name()));
        ReferralPage annasView = MyReferralsPage.openIn(anna).opensReferralOf(sanne.name());
        assertEquals("afgewezen", annasView.status());
        assertEquals("Geen plek: Ons team zit vol tot maart; het gebiedsteam kan eerder.", annasView.reason());
    }

    @Test
    void aStaleAcceptInASecondTabGetsTheMessageInsteadOfAnOverwrite() {
        Family fleur = Family.named("Fleur Postma");
        String referralId = AnnasPractice.hasReferred(fleur);
        Browser daan = browsers.of("daan");

        daan.logsIn();
        ReferralPage firstTab = ReferralPage.openIn(daan, referralId);
        ReferralPage secondTab = ReferralPage.openInNewTab(daan, referralId);
        assertTrue(secondTab.offersAccept());

        assertEquals("geaccepteerd", firstTab.accept().status());

        // The second tab still shows the old buttons; its accept carries the version it read.
        assertTrue(secondTab.offersAccept());
        ReferralPage afterStaleAccept = secondTab.accept();
        String problem = afterStaleAccept.problemMessage().orElseThrow(
                () -> new AssertionError("no #problem-message after a stale accept"));
        assertTrue(problem.startsWith("Iemand anders heeft deze verwijzing net gewijzigd."), problem);
        assertEquals("geaccepteerd", afterStaleAccept.status(), "the page shows the fresh status");
        assertTrue(afterStaleAccept.doneMessage().isEmpty(), "nothing was done");
        assertEquals(1, afterStaleAccept.history().stream().filter(line -> line.endsWith("geaccepteerd")).count(),
                "accepted once: " + afterStaleAccept.history());
    }
}
