package nl.zorgpad.system.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The VSV coordinator's start page ({@code /regio}): the white spots of her region as a table ({@code table#coverage})
 * of signals ({@code tr[data-signal]}) by municipality and phase, each cell carrying {@code data-municipality},
 * {@code data-phase}, {@code data-status} and a class {@code cell--routed}, {@code cell--partly-routed},
 * {@code cell--closed-only} or {@code cell--not-routed}; above it the counts ({@code #count-routed}, ...).
 */
public final class CoveragePage {

    private static final By MATRIX = By.id("coverage");

    /** How often {@link #waitUntilCellIs} reloads the page while the cell has another status. */
    static final Duration RELOAD_EVERY = Duration.ofMillis(500);

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
     * after it answered), and answers the page as it is then; fails after {@link Browser#WAIT}, naming the status
     * the cell kept.
     */
    public static CoveragePage waitUntilCellIs(Browser browser, String signal, String municipality, String phase,
                                               String status) {
        String[] seen = {null};
        try {
            return new WebDriverWait(browser.driver(), Browser.WAIT, RELOAD_EVERY)
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> {
                        CoveragePage page = openIn(browser);
                        seen[0] = page.statusOf(signal, municipality, phase);
                        return status.equals(seen[0]) ? page : null;
                    });
        } catch (TimeoutException e) {
            throw new AssertionError("the cell " + signal + "/" + municipality + "/" + phase + " stays " + seen[0]
                    + ", expected " + status, e);
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

}
