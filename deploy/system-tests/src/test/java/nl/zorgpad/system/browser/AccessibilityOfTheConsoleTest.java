package nl.zorgpad.system.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core on each main screen, as the people see them with a referral of Linda's in it: no violation of impact
 * serious or critical (every violation is printed). The same walk saves the screenshots: target/screenshots, and the
 * README's images in docs/console with -Dzorgpad.screenshots.update=true.
 */
@ExtendWith(RunningSystem.class)
@Order(7)
class AccessibilityOfTheConsoleTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void noMainScreenHasASeriousOrCriticalAccessibilityViolation() {
        Family linda = Family.linda();
        List<Browser.Accessibility> screens = new ArrayList<>();

        Browser anna = browsers.of("anna");
        anna.logsIn();
        NewReferralPage form = NewReferralPage.openIn(anna)
                .client(linda)
                .safeContact("Niet als haar partner thuis is", "phone", "text-message")
                .safeTimes("09:00", "14:30", "monday", "tuesday", "thursday")
                .dueDate(LocalDate.now().plusWeeks(14))
                .signal("trauma", "Paniek bij de eerste bevalling; misbruik in het verleden")
                .signal("social-network", "Niemand om thuis hulp aan te vragen")
                .consentFor("district-team")
                .sharing("identity", "contact", "signals", "language", "safe-contact")
                .referrerPhone("0512 123456");
        form.showRoute();
        form.scrollToRoutePreview();
        anna.screenshotForDocs("new-referral");
        screens.add(anna.checkAccessibility("new-referral"));
        String referralId = form.send().referralIdFor("Sociaal Wijkteam Smallingerland");

        MyReferralsPage.openIn(anna);
        anna.screenshot("my-referrals");
        screens.add(anna.checkAccessibility("my-referrals"));

        Browser daan = browsers.of("daan");
        daan.logsIn();
        WerkbakPage werkbak = WerkbakPage.openIn(daan);
        assertEquals("nieuw", werkbak.waitForReferralOf(linda.name(), Duration.ofSeconds(30)));
        daan.screenshotForDocs("werkbak");
        screens.add(daan.checkAccessibility("werkbak"));

        werkbak.opensReferralOf(linda.name());
        daan.screenshotForDocs("referral");
        screens.add(daan.checkAccessibility("referral"));

        Browser daansPhone = browsers.phoneOf("daan");
        daansPhone.logsIn();
        ReferralPage.openIn(daansPhone, referralId);
        daansPhone.screenshot("referral-phone");
        screens.add(daansPhone.checkAccessibility("referral-phone"));

        assertAll(screens.stream().map(screen -> () -> assertEquals(List.of(), screen.seriousOrCritical(),
                screen.screen() + ": serious or critical accessibility violations")));
    }
}
