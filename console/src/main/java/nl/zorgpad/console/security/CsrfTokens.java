package nl.zorgpad.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.zorgpad.console.config.ConsoleConfig;

/**
 * CSRF tokens bound to the Keycloak session: an HMAC of the session id under the console's secret. Nothing is
 * stored, so every replica of the console accepts the token of every other, and a token dies with its session.
 */
@ApplicationScoped
public class CsrfTokens {

    /** The form field of plain posts; htmx sends the same value in {@link #HEADER}. */
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    CsrfTokens(ConsoleConfig config) {
        if (config.sessionSecret().length() < 32) {
            throw new IllegalStateException("zorgpad.console.session-secret (ZORGPAD_CONSOLE_SESSION_SECRET) must have"
                    + " at least 32 characters");
        }
        this.key = new SecretKeySpec(config.sessionSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("csrf:" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    public boolean matches(String sessionId, String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(sessionId).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
