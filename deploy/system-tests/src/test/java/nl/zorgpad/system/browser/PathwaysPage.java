package nl.zorgpad.system.browser;

import org.openqa.selenium.By;

/**
 * The pathways of the coordinator's region ({@code /regio/zorgpaden}): a row per pathway
 * ({@code table#pathways tr[data-pathway][data-signal]}) linking to its page.
 */
public final class PathwaysPage {

    private static final By TABLE = By.id("pathways");

    private final Browser browser;

    private PathwaysPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the list through the region's sub-navigation, as the coordinator would. */
    public static PathwaysPage openIn(Browser browser) {
        browser.open("/regio");
        browser.until(d -> !d.findElements(By.id("nav-pathways")).isEmpty());
        browser.driver().findElement(By.id("nav-pathways")).click();
        browser.until(d -> !d.findElements(TABLE).isEmpty());
        return new PathwaysPage(browser);
    }

    /** The id of the pathway for this signal. */
    public String pathwayIdOf(String signal) {
        return browser.driver().findElement(By.cssSelector("table#pathways tr[data-signal='" + signal + "']"))
                .getAttribute("data-pathway");
    }

    /** Opens the pathway of this signal from its row. */
    public PathwayEditorPage opensPathwayOf(String signal) {
        browser.driver().findElement(By.cssSelector("table#pathways tr[data-signal='" + signal + "'] th a")).click();
        return PathwayEditorPage.shownIn(browser);
    }
}
