package nl.zorgpad.system.browser;

import java.time.LocalDate;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The midwife's referral form ({@code /verwijzingen/nieuw}), in the order of the conversation: client, pregnancy,
 * signals with a note each, the route preview ({@code #show-route} fills {@code #route-preview}), consent, send
 * ({@code #send}). Field names as in the console's form.html.
 */
public final class NewReferralPage {

    private static final By FORM = By.cssSelector("form[action='/verwijzingen/nieuw']");

    private final Browser browser;

    private NewReferralPage(Browser browser) {
        this.browser = browser;
    }

    public static NewReferralPage openIn(Browser browser) {
        browser.open("/verwijzingen/nieuw");
        browser.until(d -> !d.findElements(FORM).isEmpty());
        return new NewReferralPage(browser);
    }

    /** Who the client is and how to reach her. */
    public NewReferralPage client(Family family) {
        type("name", family.name());
        date("birthDate", family.birthDate());
        type("phone", family.phone());
        type("postcode", family.postcode());
        type("houseNumber", family.houseNumber());
        return this;
    }

    /**
     * How the team may (and may not) contact her, shown to the receiving team first: exactly these safe channels,
     * no messages to be left, and a note.
     */
    public NewReferralPage safeContact(String note, String... channels) {
        tickExactly("safeChannel", Set.of(channels));
        WebElement noMessages = browser.driver().findElement(By.name("safeNoMessages"));
        if (!noMessages.isSelected()) {
            noMessages.click();
        }
        type("safeNote", note);
        return this;
    }

    /** When contact is safe: on exactly these days, between two times (HH:mm). */
    public NewReferralPage safeTimes(String from, String until, String... days) {
        tickExactly("safeDay", Set.of(days));
        set("safeFrom", from);
        set("safeUntil", until);
        return this;
    }

    public NewReferralPage dueDate(LocalDate date) {
        date("dueDate", date);
        return this;
    }

    /** Ticks a signal and writes its note (the service wants a note for each chosen signal). */
    public NewReferralPage signal(String code, String note) {
        WebElement box = browser.driver().findElement(By.cssSelector("input[name='signal'][value='" + code + "']"));
        if (!box.isSelected()) {
            box.click();
        }
        WebElement text = browser.driver().findElement(By.id("note-" + code));
        text.clear();
        text.sendKeys(note);
        return this;
    }

    /** Clicks "Bekijk de route" and answers the preview's text once it is there. */
    public String showRoute() {
        WebElement before = browser.driver().findElement(By.id("route-preview"));
        browser.driver().findElement(By.id("show-route")).click();
        // htmx replaces the whole preview with the answer.
        browser.untilGone(before);
        browser.until(d -> !d.findElements(By.cssSelector("#route-preview .preview")).isEmpty());
        return browser.driver().findElement(By.id("route-preview")).getText();
    }

    /** To whom the client lets the referral go: exactly these partner kinds are ticked. */
    public NewReferralPage consentFor(String... partnerKinds) {
        tickExactly("partnerKind", Set.of(partnerKinds));
        return this;
    }

    /** Which data may go along: exactly these categories are ticked. */
    public NewReferralPage sharing(String... dataCategories) {
        tickExactly("dataCategory", Set.of(dataCategories));
        return this;
    }

    /** The route preview as shown now (empty before "Bekijk de route"). */
    public String routePreview() {
        return browser.driver().findElement(By.id("route-preview")).getText();
    }

    /** Scrolls the route preview into the middle of the window, e.g. for a screenshot. */
    public void scrollToRoutePreview() {
        browser.script("document.getElementById('preview-heading').scrollIntoView({block: 'start'});");
    }

    /** Who referred, as the team will call back: the name is filled in from the login, the phone is not. */
    public NewReferralPage referrerPhone(String phone) {
        type("referrerPhone", phone);
        return this;
    }

    /** Clicks "Verwijzing versturen" and answers the page that says where it went. */
    public SentPage send() {
        browser.driver().findElement(By.id("send")).click();
        return SentPage.shownIn(browser);
    }

    private void tickExactly(String name, Set<String> values) {
        for (WebElement box : browser.driver().findElements(By.cssSelector("input[name='" + name + "']"))) {
            if (box.isSelected() != values.contains(box.getAttribute("value"))) {
                box.click();
            }
        }
    }

    private void type(String field, String text) {
        WebElement element = browser.driver().findElement(By.id(field));
        element.clear();
        element.sendKeys(text);
    }

    /**
     * A date field: set as the browser submits it (yyyy-mm-dd), since what one types into a date field depends on
     * the browser's locale; then the input event a person's typing would fire.
     */
    private void date(String field, LocalDate date) {
        set(field, date.toString());
    }

    /** A date or time field, for the same reason as {@link #date}: what one types depends on the locale. */
    private void set(String field, String value) {
        browser.script("var field = document.getElementById(arguments[0]); field.value = arguments[1];"
                + "field.dispatchEvent(new Event('input', {bubbles: true}));"
                + "field.dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }
}
