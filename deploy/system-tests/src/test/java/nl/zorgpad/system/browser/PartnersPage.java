package nl.zorgpad.system.browser;

import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The partners of the coordinator's region ({@code /regio/partners}): a card per partner ({@code li#partner-{id}})
 * with its capacity now ({@code #capacity-now-{id}}) and a form to confirm it ({@code form#capacity-{id}}: radios
 * {@code status} open / waitlist / closed, {@code #weeks-{id}}, {@code #capacity-save-{id}}). With htmx saving swaps
 * only that card, which then says it was saved ({@code #capacity-done-{id}}).
 */
public final class PartnersPage {

    private static final By LIST = By.id("partners");

    private final Browser browser;

    private PartnersPage(Browser browser) {
        this.browser = browser;
    }

    public static PartnersPage openIn(Browser browser) {
        browser.open("/regio/partners");
        browser.until(d -> !d.findElements(LIST).isEmpty());
        return new PartnersPage(browser);
    }

    /** Chooses open, waitlist or closed for the partner and saves it; waits until its card says it is saved. */
    public PartnersPage setCapacity(String partnerId, String status) {
        WebElement card = browser.driver().findElement(By.id("partner-" + partnerId));
        WebElement choice = card.findElement(By.cssSelector("form#capacity-" + partnerId + " input[name='status'][value='"
                + status + "']"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", choice);
        choice.click();
        browser.driver().findElement(By.id("capacity-save-" + partnerId)).click();
        // htmx replaces the whole card with the saved one.
        browser.untilGone(card);
        browser.until(d -> !d.findElements(By.id("capacity-done-" + partnerId)).isEmpty()
                || !d.findElements(By.id("capacity-problem-" + partnerId)).isEmpty());
        return this;
    }

    /** The partner's capacity as its card shows it ("gesloten", "wachtlijst · 3 weken", ...). */
    public String capacityOf(String partnerId) {
        return browser.driver().findElement(By.cssSelector("#capacity-now-" + partnerId + " .capacity")).getText();
    }

    /** The message that the capacity was saved, at the partner's card. */
    public Optional<String> doneMessageOf(String partnerId) {
        return browser.driver().findElements(By.id("capacity-done-" + partnerId)).stream().findFirst()
                .map(WebElement::getText);
    }

    public Optional<String> problemOf(String partnerId) {
        return browser.driver().findElements(By.id("capacity-problem-" + partnerId)).stream().findFirst()
                .map(WebElement::getText);
    }

    /** Which radio of the partner's form is chosen now. */
    public String chosenStatusOf(String partnerId) {
        return browser.driver().findElements(By.cssSelector("form#capacity-" + partnerId + " input[name='status']"))
                .stream().filter(WebElement::isSelected).map(r -> r.getAttribute("value")).findFirst().orElse("");
    }
}
