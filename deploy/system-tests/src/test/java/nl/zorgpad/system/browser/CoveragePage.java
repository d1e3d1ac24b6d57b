package nl.zorgpad.system.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The VSV coordinator's start page ({@code /regio}): the white spots of her region as a table ({@code table#coverage})
 * of signals ({@code tr[data-signal]}) by municipality and phase, each cell carrying {@code data-municipality},
 * {@code data-phase}, {@code data-status} and a class {@code cell--routed}, {@code cell--partly-routed},
 * {@code cell--closed-only} or {@code cell--not-routed}; above it the counts ({@code #count-routed}, ...).
 */
public final class CoveragePage {

    private static final By MATRIX = By.id("coverage");

    private final Browser browser;

    private CoveragePage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the coverage page (the coordinator is logged in). */
    public static CoveragePage openIn(Browser browser) {
        browser.open("/regio");
        browser.until(d -> !d.findElements(MATRIX).isEmpty());
        return new CoveragePage(browser);
    }

    /** The status of one cell as the page says it: routed, partly-routed, only-closed or not-routed. */
    public String statusOf(String signal, String municipality, String phase) {
        return cell(signal, municipality, phase).getAttribute("data-status");
    }

    /** The class that colours the cell, e.g. {@code cell--routed}. */
    public String classOf(String signal, String municipality, String phase) {
        return cell(signal, municipality, phase).getAttribute("class");
    }

    /** A count above the table: {@code routed}, {@code partly-routed}, {@code closed-only} or {@code not-routed}. */
    public int count(String which) {
        return Integer.parseInt(browser.driver().findElement(By.id("count-" + which)).getText().strip());
    }

    /** How many cells of the table have this class' status ({@code closed-only}, ...). */
    public int cellsMarked(String which) {
        return browser.driver().findElements(By.cssSelector("table#coverage td.cell--" + which)).size();
    }

    /**
     * Reloads the page until the cell has this status (the service applies a capacity change to its routes just
     * after it answered), and answers the page as it is then; fails after {@link Browser#WAIT}.
     */
    public static CoveragePage waitUntilCellIs(Browser browser, String signal, String municipality, String phase,
                                               String status) {
        long deadline = System.nanoTime() + Browser.WAIT.toNanos();
        while (true) {
            CoveragePage page = openIn(browser);
            String now = page.statusOf(signal, municipality, phase);
            if (status.equals(now)) {
                return page;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cell " + signal + "/" + municipality + "/" + phase + " stays " + now
                        + ", expected " + status);
            }
            pause(Duration.ofMillis(500));
        }
    }

    private WebElement cell(String signal, String municipality, String phase) {
        List<WebElement> cells = browser.driver().findElements(By.cssSelector("table#coverage tr[data-signal='"
                + signal + "'] td[data-municipality='" + municipality + "'][data-phase='" + phase + "']"));
        if (cells.isEmpty()) {
            throw new AssertionError("no cell " + signal + "/" + municipality + "/" + phase + " in the coverage table");
        }
        return cells.get(0);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
