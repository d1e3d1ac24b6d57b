package nl.zorgpad.system.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The page after sending a referral: one line per handover (partner, signals, deadline), linking to it. */
public final class SentPage {

    private static final By HANDOVERS = By.cssSelector("ul.handovers a");

    private final Browser browser;

    private SentPage(Browser browser) {
        this.browser = browser;
    }

    static SentPage shownIn(Browser browser) {
        browser.until(d -> !d.findElements(By.id("sent")).isEmpty());
        return new SentPage(browser);
    }

    public String heading() {
        return browser.heading();
    }

    /** The partners the referral went to, as the page names them ("Sociaal Wijkteam Smallingerland · Intake ..."). */
    public List<String> handovers() {
        return browser.driver().findElements(HANDOVERS).stream().map(WebElement::getText).toList();
    }

    /** The id of the referral that went to this partner (from the handover's link). */
    public String referralIdFor(String partnerName) {
        return browser.driver().findElements(HANDOVERS).stream()
                .filter(link -> link.getText().startsWith(partnerName))
                .map(link -> link.getAttribute("href").replaceFirst("^.*/verwijzingen/", ""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no handover to " + partnerName + " in " + handovers()));
    }
}
