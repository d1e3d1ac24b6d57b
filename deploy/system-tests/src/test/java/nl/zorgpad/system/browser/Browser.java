package nl.zorgpad.system.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.zorgpad.stack.process.Folders;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's browser: a headless Chromium of its own (own profile, so own cookies and session), at the console.
 * Two people at the same time are two browsers. Closing it quits Chromium and chromedriver and removes the profile;
 * browsers still open when the JVM ends are closed by a shutdown hook, and every process they started is ended, so no
 * Chromium outlives the test run.
 */
public final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final int MINIMUM_WINDOW_WIDTH = 500;

    /** Pages come from a whole system on a small machine, shared with other test runs: be patient. */
    static final Duration WAIT = Duration.ofSeconds(30);

    /** {@code -Dzorgpad.screenshots.update=true} refreshes the README's images in docs/console. */
    static final String UPDATE_SCREENSHOTS = "zorgpad.screenshots.update";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "browser-logs").toAbsolutePath();
    private static final Set<Browser> OPEN = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger STARTED = new AtomicInteger();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Browser::closeAll, "close-browsers"));
    }

    private final String person;
    private final String consoleUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final ProcessHandle chromedriver;

    private Browser(String person, String consoleUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
        this.person = person;
        this.consoleUrl = consoleUrl;
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.chromedriver = findChromedriver(service);
    }

    /** Starts a fresh headless Chromium for {@code person}, its window {@code size}, pointed at the console. */
    static Browser start(String person, Dimension size, String consoleUrl, Chromium chromium) {
        int number = STARTED.incrementAndGet();
        Path profile;
        try {
            profile = Files.createTempDirectory("zorgpad-chromium-" + person + "-");
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The driver and the browser are named here, so Selenium Manager is never asked to find or fetch one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromium.driver().toFile())
                .usingAnyFreePort()
                .withLogFile(LOGS.resolve(number + "-" + person + ".log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.browser().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--password-store=basic",
                "--user-data-dir=" + profile, "--window-size=" + size.getWidth() + "," + size.getHeight(),
                "--lang=nl-NL");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl-NL,nl"));
        if (size.getWidth() < MINIMUM_WINDOW_WIDTH) {
            // Chromium keeps a window at least 500 pixels wide; a phone's screen is emulated instead.
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                    Map.of("width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 1.0)));
        }
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            Folders.deleteRecursively(profile);
            throw e;
        }
        Browser browser = new Browser(person, consoleUrl, profile, service, driver);
        OPEN.add(browser);
        return browser;
    }

    /** Whose browser this is: also the demo user name and password. */
    public String person() {
        return person;
    }

    /** Opens a console address, e.g. {@code /werkbak}. */
    public void open(String path) {
        driver.get(consoleUrl + path);
    }

    /** Logs in through Keycloak's own page as this browser's person (demo password = user name). */
    public void logsIn() {
        open("/");
        KeycloakLogin.shownIn(this).logIn(person, person);
        until(d -> !d.findElements(By.cssSelector(".session__who")).isEmpty());
    }

    /** Clicks "Uitloggen" in the page header. */
    public void logsOut() {
        WebElement logout = driver.findElement(By.cssSelector(".session a[href='/uitloggen']"));
        logout.click();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String consoleUrl() {
        return consoleUrl;
    }

    /** The visible text of the page's main content. */
    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** The current window's handle, to come back to it. */
    String window() {
        return driver.getWindowHandle();
    }

    /** Opens a second tab of the same browser (same session) and makes it current. */
    String openTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        return driver.getWindowHandle();
    }

    void switchTo(String window) {
        if (!window.equals(driver.getWindowHandle())) {
            driver.switchTo().window(window);
        }
    }

    WebDriver driver() {
        return driver;
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits (up to {@link #WAIT}) until the condition holds or answers something, tolerating re-rendered elements. */
    /**
     * Waits until {@code element} is no longer on the page, as after a navigation or an htmx swap. Chromium answers a
     * look at a node of a document it is replacing with "node does not belong to the document" rather than with a
     * stale element; both mean the element is gone (ExpectedConditions.stalenessOf lets the first one through).
     */
    void untilGone(WebElement element) {
        until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * Waits until a page the browser moved to is loaded to the end and shows {@code what}. An element found while the
     * new page is still being parsed can belong to a document the browser then replaces, and touching it fails with
     * "node does not belong to the document" (seen when the machine is busy).
     */
    void untilLoadedWith(By what) {
        until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"))
                && !d.findElements(what).isEmpty());
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(WAIT, condition);
    }

    <T> T until(Duration timeout, Function<WebDriver, T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, Duration.ofMillis(200));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition::apply);
    }

    /** Saves what the window shows as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot that the README shows: saved under target/screenshots like every screenshot, and copied to
     * docs/console/{name}.png only when {@code -Dzorgpad.screenshots.update=true} asks to refresh the committed ones.
     */
    public Path screenshotForDocs(String name) {
        Path file = screenshot(name);
        if (Boolean.getBoolean(UPDATE_SCREENSHOTS)) {
            Path docs = Path.of(System.getProperty("zorgpad.project.root", "../.."), "docs", "console")
                    .toAbsolutePath().normalize();
            try {
                Files.createDirectories(docs);
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println("[browser] updated " + docs.resolve(name + ".png"));
        }
        return file;
    }

    /**
     * Runs axe-core (the version inside com.deque.html.axe-core:selenium) on the page as it is now, prints every
     * violation (rule, impact, number of elements) so they can be quoted, and keeps the same lines in
     * target/axe/{screen}.txt.
     */
    public Accessibility checkAccessibility(String screen) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed on " + screen + ": " + results.getErrorMessage());
        }
        List<Accessibility.Violation> violations = results.getViolations().stream()
                .map(rule -> new Accessibility.Violation(rule.getId(), impactOf(rule), rule.getNodes().size(),
                        rule.getHelp()))
                .toList();
        Accessibility report = new Accessibility(screen, results.getTestEngine().getVersion(),
                results.getPasses().size(), results.getIncomplete().stream().map(Rule::getId).toList(), violations);
        String text = report.describe();
        System.out.println(text);
        try {
            Path folder = Files.createDirectories(Path.of("target", "axe"));
            Files.writeString(folder.resolve(screen + ".txt"), text + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    private static String impactOf(Rule rule) {
        return rule.getImpact() == null ? "none" : rule.getImpact();
    }

    /** Quits Chromium and chromedriver, ends any process of theirs that is left, and removes the profile. */
    @Override
    public void close() {
        if (!OPEN.remove(this)) {
            return;
        }
        List<ProcessHandle> processes = new ArrayList<>();
        if (chromedriver != null) {
            processes.add(chromedriver);
            chromedriver.descendants().forEach(processes::add);
        }
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.out.println("[browser] " + person + "'s browser did not quit cleanly: " + e.getMessage());
        } finally {
            service.stop();
            String profileArgument = "--user-data-dir=" + profile;
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(line -> line.contains(profileArgument)).orElse(false))
                    .forEach(processes::add);
            for (ProcessHandle process : processes) {
                if (process.isAlive()) {
                    process.destroyForcibly();
                    try {
                        process.onExit().get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        System.out.println("[browser] process " + process.pid() + " did not end: " + e);
                    }
                }
            }
            try {
                Folders.deleteRecursively(profile);
            } catch (RuntimeException e) {
                System.out.println("[browser] could not remove " + profile + ": " + e.getMessage());
            }
        }
    }

    /** Closes every browser still open: after a test, at the end of the run, and when the JVM ends. */
    static void closeAll() {
        for (Browser browser : List.copyOf(OPEN)) {
            browser.close();
        }
    }

    /** The chromedriver this browser's service started: the child of this JVM listening on the service's port. */
    private static ProcessHandle findChromedriver(ChromeDriverService service) {
        String port = "--port=" + service.getUrl().getPort();
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(line -> line.contains(port)).orElse(false))
                .findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return person + "'s browser";
    }

    /** What axe-core found on one screen. */
    public record Accessibility(String screen, String axeVersion, int rulesPassed, List<String> toReview,
                                List<Violation> violations) {

        /** One rule that failed: its axe id, impact (minor, moderate, serious, critical) and how many elements. */
        public record Violation(String id, String impact, int elements, String help) {
        }

        /** The violations whose impact is serious or critical. */
        public List<Violation> seriousOrCritical() {
            return violations.stream().filter(v -> v.impact().equals("serious") || v.impact().equals("critical"))
                    .toList();
        }

        String describe() {
            String summary = "[axe] " + screen + ": " + violations.size() + " violation(s), " + rulesPassed
                    + " rules passed (axe-core " + axeVersion + ")"
                    + (toReview.isEmpty() ? "" : "; to review by hand: " + String.join(", ", toReview));
            if (violations.isEmpty()) {
                return summary;
            }
            return summary + System.lineSeparator()
                    + violations.stream().map(v -> "[axe]   " + v.id() + " (" + v.impact() + ", " + v.elements()
                            + (v.elements() == 1 ? " element" : " elements") + "): " + v.help())
                    .collect(Collectors.joining(System.lineSeparator()));
        }
    }
}
