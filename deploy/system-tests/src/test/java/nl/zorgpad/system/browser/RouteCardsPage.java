package nl.zorgpad.system.browser;

import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The printable route cards of the region ({@code /regio/routekaart}, {@code ?gemeente=GMxxxx} for one
 * municipality): a {@code section.route-card[data-municipality]} per municipality, one A4 page each when printed.
 * Printing is Chromium's own, through the DevTools protocol: print media emulated on screen, and the PDF it prints.
 */
public final class RouteCardsPage {

    private static final By CARD = By.cssSelector("section.route-card");

    private final Browser browser;

    private RouteCardsPage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the card of one municipality through the region's sub-navigation and the card choice. */
    public static RouteCardsPage openForMunicipalityIn(Browser browser, String municipalityCode) {
        browser.open("/regio");
        browser.until(d -> !d.findElements(By.id("nav-cards")).isEmpty());
        browser.driver().findElement(By.id("nav-cards")).click();
        browser.until(d -> !d.findElements(CARD).isEmpty());
        browser.driver().findElement(By.cssSelector(".card-choice a[href$='gemeente=" + municipalityCode + "']"))
                .click();
        browser.until(d -> d.getCurrentUrl().endsWith("gemeente=" + municipalityCode)
                && d.findElements(CARD).size() == 1);
        return new RouteCardsPage(browser);
    }

    /** The municipalities whose cards are shown (and displayed), in order. */
    public java.util.List<String> cardsShown() {
        return browser.driver().findElements(CARD).stream().filter(WebElement::isDisplayed)
                .map(card -> card.getAttribute("data-municipality")).toList();
    }

    /** Whether the first element that matches is displayed (false when there is none). */
    public boolean isDisplayed(String cssSelector) {
        return browser.driver().findElements(By.cssSelector(cssSelector)).stream().findFirst()
                .map(WebElement::isDisplayed).orElse(false);
    }

    /** The card's text for a signal line ({@code tbody[data-signal]}). */
    public String lineOf(String municipalityCode, String signal) {
        return browser.driver().findElement(By.cssSelector("section.route-card[data-municipality='" + municipalityCode
                + "'] tbody[data-signal='" + signal + "']")).getText();
    }

    /** Makes the page render as it prints (CSS print media), or as on screen again. */
    public RouteCardsPage emulatePrint(boolean print) {
        cdp().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
        return this;
    }

    /** Whether the page renders with print media now (the emulation took). */
    public boolean rendersAsPrint() {
        return Boolean.TRUE.equals(browser.script("return window.matchMedia('print').matches;"));
    }

    /** The PDF Chromium prints of the page, with the page size and margins the stylesheet asks for (A4). */
    public byte[] printToPdf() {
        Map<String, Object> answer = cdp().executeCdpCommand("Page.printToPDF",
                Map.of("preferCSSPageSize", true, "printBackground", true));
        return Base64.getDecoder().decode((String) answer.get("data"));
    }

    private ChromeDriver cdp() {
        return (ChromeDriver) browser.driver();
    }
}
