package nl.zorgpad.system.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The privacy officer's access log ({@code /logging}): the search form ({@code form#access-log-search}: {@code bsn},
 * or {@code name} with {@code birthDate}, or {@code referralId}; {@code #search}), the accesses found
 * ({@code table#access-log}, a {@code tr[data-event][data-outcome]} per access, oldest first) and the same result as
 * a CSV file ({@code #download-csv} in {@code form#access-log-csv}); {@code #show-overview} sends the same form for
 * the client's printable overview ({@link ClientOverviewPage}).
 */
public final class AccessLogPage {

    private static final By FORM = By.id("access-log-search");
    private static final String CSV_FILE = "toegangslog.csv";

    /**
     * One access as the table shows it: when (the {@code <time datetime>}, an instant), who, for which organisation,
     * in which role (in words), on whose behalf, what ({@code event} code and its Dutch word), the outcome (code and
     * word), from which application and the referral's full id (from its link).
     */
    public record Access(String at, String user, String organisation, String roleText, String onBehalfOf,
                         String event, String eventText, String outcome, String outcomeText, String application,
                         String referralId) {
    }

    private final Browser browser;

    private AccessLogPage(Browser browser) {
        this.browser = browser;
    }

    public static AccessLogPage openIn(Browser browser) {
        browser.open("/logging");
        browser.until(d -> !d.findElements(FORM).isEmpty());
        return new AccessLogPage(browser);
    }

    /** Types a BSN and searches; answers the page with what was found. */
    public AccessLogPage searchByBsn(String bsn) {
        type("bsn", bsn);
        return search();
    }

    /** Types a name and a birth date and searches. */
    public AccessLogPage searchByNameAndBirthDate(String name, LocalDate birthDate) {
        type("name", name);
        // A date field: set as the browser submits it (yyyy-mm-dd), whatever the browser's locale shows.
        browser.script("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                browser.driver().findElement(By.id("birthDate")), birthDate.toString());
        return search();
    }

    /** Types only a referral number and asks for the client's overview, which needs a client: answers this page. */
    public AccessLogPage overviewByReferralOnly(String referralId) {
        type("referralId", referralId);
        WebElement form = browser.driver().findElement(FORM);
        browser.driver().findElement(By.id("show-overview")).click();
        browser.untilGone(form);
        browser.untilLoadedWith(FORM);
        return new AccessLogPage(browser);
    }

    /** The message beside a field ({@code #<field>-error}); empty when there is none. */
    public Optional<String> errorAt(String field) {
        return browser.driver().findElements(By.id(field + "-error")).stream().findFirst().map(WebElement::getText);
    }

    /** Types a BSN and asks for the client's printable overview. */
    public ClientOverviewPage overviewByBsn(String bsn) {
        type("bsn", bsn);
        WebElement form = browser.driver().findElement(FORM);
        browser.driver().findElement(By.id("show-overview")).click();
        browser.untilGone(form);
        browser.untilLoadedWith(ClientOverviewPage.ARTICLE);
        return new ClientOverviewPage(browser);
    }

    /** The accesses found, in the table's order (oldest first); empty when the table is not there. */
    public List<Access> accesses() {
        return browser.driver().findElements(By.cssSelector("table#access-log tbody tr")).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            String referral = row.findElements(By.cssSelector("td a[href*='referralId=']")).stream().findFirst()
                    .map(a -> a.getAttribute("href").replaceFirst("^.*referralId=", "")).orElse("");
            return new Access(cells.get(0).findElement(By.tagName("time")).getAttribute("datetime"),
                    cells.get(1).getText(), cells.get(2).getText(), cells.get(3).getText(), cells.get(4).getText(),
                    row.getAttribute("data-event"), cells.get(5).getText(), row.getAttribute("data-outcome"),
                    cells.get(6).getText(), cells.get(7).getText(), referral);
        }).toList();
    }

    /** Scrolls the results to the top of the window, e.g. for a screenshot. */
    public void scrollToResults() {
        browser.script("document.getElementById('results').scrollIntoView({block: 'start'});");
    }

    /** The caption above the table ("5 keer toegang, oudste eerst"). */
    public String caption() {
        return browser.driver().findElement(By.cssSelector("table#access-log caption")).getText();
    }

    public Optional<String> problemMessage() {
        return browser.driver().findElements(By.id("problem-message")).stream().findFirst().map(WebElement::getText);
    }

    /**
     * Clicks "Download als CSV" with Chromium told (through the DevTools protocol) to save downloads in
     * {@code folder}, and answers the file once it is complete.
     */
    public Path downloadCsvInto(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((ChromeDriver) browser.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", folder.toAbsolutePath().toString()));
        WebElement button = browser.driver().findElement(By.id("download-csv"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", button);
        button.click();
        Path file = folder.resolve(CSV_FILE);
        return browser.until(d -> isComplete(folder, file) ? file : null);
    }

    private static boolean isComplete(Path folder, Path file) {
        try (Stream<Path> files = Files.list(folder)) {
            boolean partial = files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
            return !partial && Files.isRegularFile(file) && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private AccessLogPage search() {
        WebElement form = browser.driver().findElement(FORM);
        browser.driver().findElement(By.id("search")).click();
        browser.untilGone(form);
        browser.untilLoadedWith(FORM);
        return new AccessLogPage(browser);
    }

    private void type(String field, String text) {
        WebElement element = browser.driver().findElement(By.id(field));
        element.clear();
        element.sendKeys(text);
    }
}
