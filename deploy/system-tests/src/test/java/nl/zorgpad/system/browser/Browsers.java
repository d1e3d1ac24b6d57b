package nl.zorgpad.system.browser;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;

/**
 * The browsers of a test class's tests: {@code @RegisterExtension static final Browsers browsers = new Browsers();}
 * then {@code browsers.of("anna")} in a test. After each test every browser it started is closed, also when it failed
 * (then each first saves a screenshot, target/screenshots/failed-{test}-{person}.png); the end of the test run closes
 * any that remain.
 *
 * <p>Skipped with {@code -Dzorgpad.browser.skip=true} (for a machine without Chromium; the system is then not even
 * started for them), and on a given deployment without {@code -Dzorgpad.system.console-url}. Otherwise a missing
 * Chromium fails the test, naming what to install.
 */
public final class Browsers implements ExecutionCondition, BeforeEachCallback, AfterEachCallback {

    static final String SKIP = "zorgpad.browser.skip";

    private final List<Browser> started = new ArrayList<>();
    private Chromium chromium;
    private String consoleUrl;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return Boolean.getBoolean(SKIP) ? ConditionEvaluationResult.disabled("browser tests skipped (-D" + SKIP
                + "=true)") : ConditionEvaluationResult.enabled("browser tests run (-D" + SKIP + "=true skips them)");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        consoleUrl = RunningSystem.consoleUrl();
        Assumptions.assumeTrue(consoleUrl != null, "no console to test: give -Dzorgpad.system.console-url=...");
        chromium = Chromium.installed();
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Browsers.class,
                key -> new CloseAllAtTheEnd(), CloseAllAtTheEnd.class);
    }

    /** A person's browser at desktop size (1280 x 900), not yet logged in. */
    public Browser of(String person) {
        return start(person, Browser.DESKTOP);
    }

    /** A person's browser the size of a phone (390 x 844). */
    public Browser phoneOf(String person) {
        return start(person, Browser.PHONE);
    }

    private Browser start(String person, Dimension size) {
        Browser browser = Browser.start(person, size, consoleUrl, chromium);
        started.add(browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        boolean failed = context.getExecutionException().isPresent();
        for (Browser browser : started) {
            if (failed) {
                try {
                    browser.screenshot("failed-" + context.getRequiredTestMethod().getName() + "-" + browser.person());
                    System.out.println("[browser] " + browser + " was at " + browser.currentUrl());
                } catch (RuntimeException e) {
                    System.out.println("[browser] no screenshot of " + browser + ": " + e.getMessage());
                }
            }
            browser.close();
        }
        started.clear();
    }

    /** Kept in the root context's store, which closes it when the test run ends. */
    private static final class CloseAllAtTheEnd implements ExtensionContext.Store.CloseableResource, AutoCloseable {

        @Override
        public void close() {
            Browser.closeAll();
        }
    }
}
