package nl.zorgpad.system.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One pathway of the region ({@code /regio/zorgpaden/{id}}): its versions ({@code table#versions}, a row per
 * version with {@code data-version}), the draft's rule editor ({@code form#draft-form}, a {@code fieldset#rule-{i}}
 * per rule with its inputs {@code #rule-{i}-postcodes}, {@code -minAge}, {@code -maxAge}, ... and its messages
 * {@code .field__error}; {@code #save-draft}), {@code #new-draft} when there is no draft, the publication form
 * ({@code form#publish-form}: {@code #effectiveFrom}, {@code #publish}) and the outcome of the last action
 * ({@code #done-message}, {@code #problem-message}).
 */
public final class PathwayEditorPage {

    private static final By VERSIONS = By.id("versions");
    private static final By DRAFT_FORM = By.id("draft-form");

    /** A row of the versions table: the number, the status and the effective date as shown. */
    public record Version(int number, String status, String effectiveFrom) {
    }

    private final Browser browser;

    private PathwayEditorPage(Browser browser) {
        this.browser = browser;
    }

    public static PathwayEditorPage openIn(Browser browser, String pathwayId) {
        browser.open("/regio/zorgpaden/" + pathwayId);
        return shownIn(browser);
    }

    static PathwayEditorPage shownIn(Browser browser) {
        browser.untilLoadedWith(VERSIONS);
        return new PathwayEditorPage(browser);
    }

    public boolean hasDraft() {
        return !browser.driver().findElements(DRAFT_FORM).isEmpty();
    }

    public boolean offersNewDraft() {
        return !browser.driver().findElements(By.id("new-draft")).isEmpty();
    }

    /** Clicks "new draft": a draft with the rules in force opens in the editor. */
    public PathwayEditorPage opensDraft() {
        return submitting(browser.driver().findElement(By.id("new-draft")));
    }

    /** The version the draft is (from the publication form). */
    public int draftVersion() {
        return Integer.parseInt(browser.driver().findElement(By.cssSelector("form#publish-form input[name='version']"))
                .getAttribute("value"));
    }

    /** How many rules the editor shows. */
    public int ruleCount() {
        return browser.driver().findElements(By.cssSelector("form#draft-form fieldset.rule")).size();
    }

    /** The value of one input of a rule: {@code postcodes}, {@code minAge}, {@code maxAge}, {@code target}, ... */
    public String ruleValue(int rule, String field) {
        return browser.driver().findElement(By.id("rule-" + rule + "-" + field)).getDomProperty("value");
    }

    /** Types into an input of a rule, replacing what was there. */
    public PathwayEditorPage type(int rule, String field, String text) {
        WebElement input = browser.driver().findElement(By.id("rule-" + rule + "-" + field));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        if (!text.isEmpty()) {
            input.sendKeys(text);
        }
        return this;
    }

    /** Clicks "save draft"; answers the page that comes back (the editor again, saved or with its messages). */
    public PathwayEditorPage saveDraft() {
        return submitting(browser.driver().findElement(By.id("save-draft")));
    }

    /** The messages inside the rule's fieldset. */
    public List<String> errorsAt(int rule) {
        return browser.driver().findElements(By.cssSelector("fieldset#rule-" + rule + " .field__error")).stream()
                .map(WebElement::getText).toList();
    }

    /** The ids of the rule fieldsets marked as having a fault. */
    public List<String> rulesMarkedWrong() {
        return browser.driver().findElements(By.cssSelector("form#draft-form fieldset.rule--error")).stream()
                .map(f -> f.getAttribute("id")).toList();
    }

    /** Sets the effective date (as the browser submits a date field) and clicks "publish". */
    public PathwayEditorPage publishFrom(LocalDate date) {
        WebElement field = browser.driver().findElement(By.id("effectiveFrom"));
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, date.toString());
        return submitting(browser.driver().findElement(By.id("publish")));
    }

    public List<Version> versions() {
        return browser.driver().findElements(By.cssSelector("table#versions tbody tr")).stream()
                .map(row -> {
                    List<WebElement> cells = row.findElements(By.tagName("td"));
                    return new Version(Integer.parseInt(row.getAttribute("data-version")), cells.get(0).getText(),
                            cells.get(1).getText());
                })
                .toList();
    }

    public Optional<String> doneMessage() {
        return textOf(By.id("done-message"));
    }

    public Optional<String> problemMessage() {
        return textOf(By.id("problem-message"));
    }

    private Optional<String> textOf(By locator) {
        return browser.driver().findElements(locator).stream().findFirst().map(WebElement::getText);
    }

    /** Clicks a button that posts a form, and waits for the next page (the old one goes stale). */
    private PathwayEditorPage submitting(WebElement button) {
        WebElement versions = browser.driver().findElement(VERSIONS);
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        browser.untilGone(versions);
        return shownIn(browser);
    }
}
