package nl.zorgpad.system.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The district team's werkbak ({@code /werkbak}): the referrals addressed to the team in {@code #werkbak-list},
 * which refreshes itself when the inbox stream says something changed.
 */
public final class WerkbakPage {

    private static final By LIST = By.id("werkbak-list");

    private final Browser browser;

    private WerkbakPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the werkbak (the person is logged in already). */
    public static WerkbakPage openIn(Browser browser) {
        browser.open("/werkbak");
        return shownIn(browser);
    }

    /** The werkbak the browser shows; waits until it is there. */
    public static WerkbakPage shownIn(Browser browser) {
        browser.until(d -> !d.findElements(LIST).isEmpty());
        return new WerkbakPage(browser);
    }

    /**
     * Marks this page load (a variable on the window, gone with any navigation or reload) and counts the live
     * updates the page receives from now on (the event the console's script fires per message of the stream).
     */
    public void markThisPageLoad() {
        browser.script("window.zorgpadMarker = 1; window.zorgpadLiveUpdates = 0;"
                + "document.body.addEventListener('werkbak-changed', function () { window.zorgpadLiveUpdates++; });");
    }

    /** Whether the page is still the one marked: no navigation and no reload happened since. */
    public boolean isStillTheMarkedPageLoad() {
        return Boolean.TRUE.equals(browser.script("return window.zorgpadMarker === 1;"));
    }

    /** How many live updates the marked page received. */
    public long liveUpdatesReceived() {
        Object count = browser.script("return window.zorgpadLiveUpdates || 0;");
        return ((Number) count).longValue();
    }

    /** Waits until a row for this client is in the list, and answers its status as shown. */
    public String waitForReferralOf(String clientName, Duration timeout) {
        return browser.until(timeout, d -> {
            List<WebElement> rows = rowsOf(clientName);
            return rows.isEmpty() ? null : rows.get(0).findElement(By.cssSelector(".status")).getText();
        });
    }

    /** Whether the list shows a referral for this client now. */
    public boolean showsReferralOf(String clientName) {
        return !rowsOf(clientName).isEmpty();
    }

    /** Opens the client's referral from the list. */
    public ReferralPage opensReferralOf(String clientName) {
        // A live update may replace the list between finding the link and clicking it: then find it again.
        browser.until(d -> {
            List<WebElement> rows = rowsOf(clientName);
            if (rows.isEmpty()) {
                return false;
            }
            rows.get(0).findElement(By.linkText(clientName)).click();
            return true;
        });
        return ReferralPage.shownIn(browser);
    }

    private List<WebElement> rowsOf(String clientName) {
        return browser.driver().findElements(By.xpath("//*[@id='werkbak-list']//tr[td/a[normalize-space(.)="
                + xpathLiteral(clientName) + "]]"));
    }

    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
