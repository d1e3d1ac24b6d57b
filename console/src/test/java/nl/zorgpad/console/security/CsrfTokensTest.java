package nl.zorgpad.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import nl.zorgpad.console.config.ConsoleConfig;
import org.junit.jupiter.api.Test;

class CsrfTokensTest {

    private static ConsoleConfig config(String secret) {
        return new ConsoleConfig() {
            @Override
            public String sessionSecret() {
                return secret;
            }
        };
    }

    private final CsrfTokens tokens = new CsrfTokens(config("a-session-secret-of-at-least-32-characters"));

    @Test
    void theTokenOfASessionIsAcceptedForThatSessionOnly() {
        String token = tokens.tokenFor("session-1");
        assertTrue(tokens.matches("session-1", token));
        assertFalse(tokens.matches("session-2", token));
        assertNotEquals(token, tokens.tokenFor("session-2"));
    }

    @Test
    void anotherReplicaWithTheSameSecretAcceptsTheToken() {
        CsrfTokens otherReplica = new CsrfTokens(config("a-session-secret-of-at-least-32-characters"));
        assertEquals(tokens.tokenFor("session-1"), otherReplica.tokenFor("session-1"));
        CsrfTokens otherSecret = new CsrfTokens(config("another-secret-of-at-least-32-characters!"));
        assertFalse(otherSecret.matches("session-1", tokens.tokenFor("session-1")));
    }

    @Test
    void aMissingOrAlteredTokenIsRefused() {
        String token = tokens.tokenFor("session-1");
        assertFalse(tokens.matches("session-1", null));
        assertFalse(tokens.matches("session-1", ""));
        assertFalse(tokens.matches("session-1", token.substring(1) + (token.charAt(0) == 'A' ? 'B' : 'A')));
    }

    @Test
    void aShortSecretStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> new CsrfTokens(config("too-short")));
    }
}
