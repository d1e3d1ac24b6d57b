package nl.zorgpad.system.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The midwife's "Mijn verwijzingen" ({@code /verwijzingen}): her referrals, newest first, with their status. */
public final class MyReferralsPage {

    private final Browser browser;

    private MyReferralsPage(Browser browser) {
        this.browser = browser;
    }

    public static MyReferralsPage openIn(Browser browser) {
        browser.open("/verwijzingen");
        browser.until(d -> !d.findElements(By.id("new-referral")).isEmpty());
        return new MyReferralsPage(browser);
    }

    /** The status shown in the client's row ("nieuw", "geaccepteerd", ...). */
    public String statusOf(String clientName) {
        List<WebElement> rows = browser.driver().findElements(By.xpath("//table[contains(@class,'referrals')]"
                + "//tr[td/a[normalize-space(.)=" + WerkbakPage.xpathLiteral(clientName) + "]]"));
        if (rows.isEmpty()) {
            throw new AssertionError("no referral of " + clientName + " in Mijn verwijzingen");
        }
        return rows.get(0).findElement(By.cssSelector(".status")).getText();
    }

    /** Opens the client's referral from the list. */
    public ReferralPage opensReferralOf(String clientName) {
        browser.driver().findElement(By.xpath("//table[contains(@class,'referrals')]//a[normalize-space(.)="
                + WerkbakPage.xpathLiteral(clientName) + "]")).click();
        return ReferralPage.shownIn(browser);
    }
}
