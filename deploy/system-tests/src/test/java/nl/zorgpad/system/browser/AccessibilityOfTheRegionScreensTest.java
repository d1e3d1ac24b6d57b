package nl.zorgpad.system.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.system.Families;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core on the coordinator's and the privacy officer's screens as they use them: the coverage matrix, the
 * partners, the rule editor (also with the service's refusal at a rule) and the access log with a result. No
 * violation of impact serious or critical (every violation is printed, and kept in target/axe). The same walk saves
 * the screenshots of the coverage and the access log: target/screenshots, and the README's images in docs/console
 * with -Dzorgpad.screenshots.update=true.
 *
 * <p>The rule editor is shown on a draft of the addiction pathway, opened from the rules in force and left unsaved
 * and unpublished: a draft changes no route.
 */
@ExtendWith(RunningSystem.class)
@Order(5)
class AccessibilityOfTheRegionScreensTest {

    private static final String ADDICTION = "addiction";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void noRegionOrAccessLogScreenHasASeriousOrCriticalAccessibilityViolation() {
        List<Browser.Accessibility> screens = new ArrayList<>();

        Browser vera = browsers.of("vera");
        vera.logsIn();
        CoveragePage.openIn(vera);
        vera.screenshotForDocs("region");
        screens.add(vera.checkAccessibility("region-coverage"));

        PartnersPage.openIn(vera);
        screens.add(vera.checkAccessibility("region-partners"));

        PathwayEditorPage pathway = PathwaysPage.openIn(vera).opensPathwayOf(ADDICTION);
        if (!pathway.hasDraft()) {
            pathway = pathway.opensDraft();
        }
        assertTrue(pathway.hasDraft());
        screens.add(vera.checkAccessibility("pathway-editor"));

        // The editor with the service's message at a rule: ages the wrong way round.
        PathwayEditorPage refused = pathway.type(0, "minAge", "30").type(0, "maxAge", "20").saveDraft();
        assertEquals(List.of("rule-0"), refused.rulesMarkedWrong());
        assertFalse(refused.errorsAt(0).isEmpty());
        screens.add(vera.checkAccessibility("pathway-editor-refused"));

        Family fenna = new Family("Fenna Dijkstra " + Family.RUN, LocalDate.of(1997, 3, 8), "0622334455", "9203 AB",
                "30");
        String bsn = Families.newBsn();
        DaansTeam.hasRead(AnnasPractice.hasReferred(fenna, bsn));
        Browser pim = browsers.of("pim");
        pim.logsIn();
        AccessLogPage log = AccessLogPage.openIn(pim).searchByBsn(bsn);
        assertTrue(log.accesses().size() >= 2, "anna's referral and daan's read were found: " + log.accesses());
        log.scrollToResults();
        pim.screenshotForDocs("access-log");
        screens.add(pim.checkAccessibility("access-log"));

        assertAll(screens.stream().map(screen -> () -> assertEquals(List.of(), screen.seriousOrCritical(),
                screen.screen() + ": serious or critical accessibility violations")));
    }
}
