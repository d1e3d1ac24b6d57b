package nl.zorgpad.system.browser;

import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One referral ({@code /verwijzingen/{id}}), for the receiving team and the referring midwife: the status
 * ({@code #referral-status}), a safe-contact warning ({@code #safe-contact}), the moves the team may make
 * ({@code #accept}, {@code details#action-rejected}, ...), the outcome of the last one ({@code #done-message},
 * {@code #problem-message}) and a rejection's reason ({@code #referral-reason}). A page object belongs to the tab it
 * was opened in, so two tabs of one browser are two pages.
 */
public final class ReferralPage {

    private static final By STATUS = By.id("referral-status");

    private final Browser browser;
    private final String window;

    private ReferralPage(Browser browser) {
        this.browser = browser;
        this.window = browser.window();
    }

    public static ReferralPage openIn(Browser browser, String referralId) {
        browser.open("/verwijzingen/" + referralId);
        return shownIn(browser);
    }

    /** Opens the referral in a new tab of the same browser (the same session). */
    public static ReferralPage openInNewTab(Browser browser, String referralId) {
        browser.openTab();
        return openIn(browser, referralId);
    }

    static ReferralPage shownIn(Browser browser) {
        browser.untilLoadedWith(STATUS);
        return new ReferralPage(browser);
    }

    /** The client's name, the page's heading without the status. */
    public String clientName() {
        focus();
        String heading = browser.heading();
        return heading.substring(0, heading.length() - status().length()).strip();
    }

    /** The status as the page shows it: nieuw, geaccepteerd, afgewezen, ... */
    public String status() {
        focus();
        return browser.driver().findElement(STATUS).getText();
    }

    public boolean showsSafeContactWarning() {
        focus();
        return !browser.driver().findElements(By.id("safe-contact")).isEmpty();
    }

    public String safeContactWarning() {
        focus();
        return browser.driver().findElement(By.id("safe-contact")).getText();
    }

    /** The id (or tag and class) of the first element of the content after the heading with the status. */
    public String firstContentAfterHeading() {
        focus();
        return (String) browser.script("var next = document.querySelector('main h1').nextElementSibling;"
                + "return next.id || (next.tagName.toLowerCase() + '.' + next.className);");
    }

    /** Whether the safe-contact warning comes before the client's details in the page (and so on the screen). */
    public boolean safeContactComesBeforeClientDetails() {
        focus();
        return Boolean.TRUE.equals(browser.script("var warning = document.getElementById('safe-contact');"
                + "var client = document.getElementById('client-heading');"
                + "return !!warning && !!client"
                + " && (warning.compareDocumentPosition(client) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0"
                + " && warning.getBoundingClientRect().bottom <= client.getBoundingClientRect().top;"));
    }

    public boolean offersAccept() {
        focus();
        return !browser.driver().findElements(By.id("accept")).isEmpty();
    }

    /** Clicks "Accepteren"; answers the page that comes back. */
    public ReferralPage accept() {
        focus();
        return submitting(browser.driver().findElement(By.id("accept")));
    }

    /** Opens "Afwijzen", chooses the reason, explains it, and confirms. */
    public ReferralPage reject(String reasonCode, String explanation) {
        focus();
        WebElement action = browser.driver().findElement(By.id("action-rejected"));
        action.findElement(By.tagName("summary")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reason-code-rejected")));
        new Select(browser.driver().findElement(By.id("reason-code-rejected"))).selectByValue(reasonCode);
        WebElement text = browser.driver().findElement(By.id("reason-text-rejected"));
        text.clear();
        text.sendKeys(explanation);
        return submitting(browser.driver().findElement(By.id("confirm-rejected")));
    }

    /** The reason of a rejection as the page shows it ("Geen plek: ..."). */
    public String reason() {
        focus();
        return browser.driver().findElement(By.id("referral-reason")).getText();
    }

    public Optional<String> doneMessage() {
        return textOf(By.id("done-message"));
    }

    public Optional<String> problemMessage() {
        return textOf(By.id("problem-message"));
    }

    /** The history's lines, oldest first ("... · geaccepteerd"). */
    public List<String> history() {
        focus();
        return browser.driver().findElements(By.cssSelector("ol.history li")).stream().map(WebElement::getText)
                .toList();
    }

    private Optional<String> textOf(By locator) {
        focus();
        return browser.driver().findElements(locator).stream().findFirst().map(WebElement::getText);
    }

    /** Clicks a button that posts a form, and waits for the next page (the clicked button is gone with the old one). */
    private ReferralPage submitting(WebElement button) {
        WebElement oldStatus = browser.driver().findElement(STATUS);
        button.click();
        browser.untilGone(oldStatus);
        return shownIn(browser);
    }

    private void focus() {
        browser.switchTo(window);
    }
}
