package nl.zorgpad.stack.keycloak;

/**
 * Facts of the DEMO realm in deploy/keycloak/zorgpad-realm.json that the local stack needs. These secrets are
 * demo-only: they protect a throwaway in-memory Keycloak on localhost and are never used in production.
 */
public final class DemoRealm {

    /** Direct-grant client for demos and tests. */
    public static final String DEMO_CLIENT = "zorgpad-demo";
    /** Client-credentials client standing for one midwife practice's software. */
    public static final String PRACTICE_SOFTWARE_CLIENT = "practice-software-demo";
    /** Confidential client of the web console (authorization code flow with PKCE). */
    public static final String CONSOLE_CLIENT = "zorgpad-console";

    private DemoRealm() {
    }

    /** Every confidential demo client has the secret {@code <client>-demo-secret}. */
    public static String clientSecret(String clientId) {
        return clientId + "-demo-secret";
    }
}
