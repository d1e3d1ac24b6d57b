package nl.zorgpad.system.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Keycloak's own login page of the zorgpad realm (theme keycloak.v2): the console never sees a password. Fields
 * {@code #username} and {@code #password}, then {@code #otp} for a user with a second factor; the button is
 * {@code #kc-login} on both.
 */
public final class KeycloakLogin {

    private static final By FORM = By.id("kc-form-login");
    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By ONE_TIME_CODE = By.id("otp");
    private static final By LOG_IN = By.id("kc-login");

    private final Browser browser;

    private KeycloakLogin(Browser browser) {
        this.browser = browser;
    }

    /** The login page the browser was sent to; waits until it is there. */
    public static KeycloakLogin shownIn(Browser browser) {
        browser.until(d -> isShown(d));
        return new KeycloakLogin(browser);
    }

    /** Whether the browser shows Keycloak's login form of the zorgpad realm now. */
    public static boolean isShownIn(Browser browser) {
        return isShown(browser.driver());
    }

    private static boolean isShown(WebDriver driver) {
        return driver.getCurrentUrl().contains("/realms/zorgpad/") && !driver.findElements(FORM).isEmpty()
                && !driver.findElements(USERNAME).isEmpty();
    }

    /** Types the user name and password and logs in. */
    public void logIn(String user, String password) {
        type(USERNAME, user);
        type(PASSWORD, password);
        browser.driver().findElement(LOG_IN).click();
    }

    /** After the password, a user with a second factor is asked for the code of her authenticator app. */
    public void enterOneTimeCode(String code) {
        browser.until(d -> !d.findElements(ONE_TIME_CODE).isEmpty());
        type(ONE_TIME_CODE, code);
        browser.driver().findElement(LOG_IN).click();
    }

    /** The message beside the code field after a code Keycloak refused; waits for it. */
    public String oneTimeCodeRefusal() {
        return browser.until(d -> d.findElements(By.id("input-error-otp")).stream().findFirst()
                .map(WebElement::getText).orElse(null));
    }

    private void type(By field, String text) {
        WebElement element = browser.driver().findElement(field);
        element.clear();
        element.sendKeys(text);
    }
}
