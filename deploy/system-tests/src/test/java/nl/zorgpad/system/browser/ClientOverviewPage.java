package nl.zorgpad.system.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The printable overview for a client ({@code POST /logging/overzicht}, from {@code #show-overview} on the access-log
 * page): {@code article#client-overview} with a table per organisation ({@code #overview-organisations}) and one
 * per access ({@code #overview-accesses}, a {@code tr[data-event][data-outcome]} each, oldest first), or
 * {@code #overview-empty} when nothing was found.
 */
public final class ClientOverviewPage {

    static final By ARTICLE = By.id("client-overview");

    /** One access as printed: when (an instant), organisation, role in words, what (code and words), outcome. */
    public record Access(String at, String organisation, String roleText, String event, String eventText,
                         String outcome, String outcomeText) {
    }

    private final Browser browser;

    ClientOverviewPage(Browser browser) {
        this.browser = browser;
    }

    public List<Access> accesses() {
        return browser.driver().findElements(By.cssSelector("table#overview-accesses tbody tr")).stream().map(row -> {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            return new Access(cells.get(0).findElement(By.tagName("time")).getAttribute("datetime"),
                    cells.get(1).getText(), cells.get(2).getText(), row.getAttribute("data-event"),
                    cells.get(3).getText(), row.getAttribute("data-outcome"), cells.get(4).getText());
        }).toList();
    }

    /** The organisations in the summary table, in order of their first access. */
    public List<String> organisations() {
        return browser.driver().findElements(By.cssSelector("table#overview-organisations tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList();
    }

    public boolean saysNothingWasFound() {
        return !browser.driver().findElements(By.id("overview-empty")).isEmpty();
    }
}
