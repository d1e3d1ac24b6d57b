package nl.zorgpad.system.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import nl.zorgpad.stack.keycloak.DemoTotp;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who gets in, and what another organisation's referral looks like: nothing at all. */
@ExtendWith(RunningSystem.class)
@Order(6)
class LoginInTheConsoleTest {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void beaOpeningAnnasReferralSeesNietGevonden() {
        Family noor = Family.named("Noor Jansen");
        String referralId = AnnasPractice.hasReferred(noor);
        Browser bea = browsers.of("bea");

        bea.logsIn();
        bea.open("/verwijzingen/" + referralId);
        assertEquals("Niet gevonden", bea.heading());
        assertFalse(bea.pageSource().contains(noor.name()), "nothing of anna's client on bea's screen");
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToKeycloaksLoginAndThenToTheWerkbak() {
        Browser daan = browsers.of("daan");

        daan.open("/werkbak");
        KeycloakLogin login = KeycloakLogin.shownIn(daan);
        assertTrue(daan.currentUrl().contains("/realms/zorgpad/protocol/openid-connect/auth"), daan.currentUrl());

        login.logIn("daan", "daan");
        WerkbakPage.shownIn(daan);
        assertEquals(daan.consoleUrl() + "/werkbak", daan.currentUrl());
    }

    @Test
    void afterUitloggenTheWerkbakAsksForTheLoginAgain() {
        Browser daan = browsers.of("daan");
        daan.logsIn();
        WerkbakPage.openIn(daan);

        daan.logsOut();
        KeycloakLogin.shownIn(daan);

        daan.open("/werkbak");
        KeycloakLogin.shownIn(daan);
        assertFalse(daan.pageSource().contains("werkbak-list"));
    }

    @Test
    void tessLogsInWithHerPasswordAndTheCodeOfHerAuthenticatorApp() {
        Browser tess = browsers.of(DemoTotp.USER);

        tess.open("/werkbak");
        KeycloakLogin login = KeycloakLogin.shownIn(tess);
        login.logIn("tess", "tess");
        login.enterOneTimeCode(aCodeHerAppDoesNotShow());
        assertFalse(login.oneTimeCodeRefusal().isBlank());

        login.enterOneTimeCode(DemoTotp.currentCode());
        WerkbakPage.shownIn(tess);
        assertEquals(tess.consoleUrl() + "/werkbak", tess.currentUrl());
    }

    /** Six digits that are none of the codes Keycloak accepts around now (it allows one period either side). */
    private static String aCodeHerAppDoesNotShow() {
        Instant now = Instant.now();
        Set<String> valid = Set.of(DemoTotp.codeAt(now.minus(Duration.ofSeconds(60))),
                DemoTotp.codeAt(now.minus(Duration.ofSeconds(30))), DemoTotp.codeAt(now),
                DemoTotp.codeAt(now.plus(Duration.ofSeconds(30))), DemoTotp.codeAt(now.plus(Duration.ofSeconds(60))));
        for (int candidate = 123456; ; candidate += 111111) {
            String code = String.format("%06d", candidate % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
