package nl.zorgpad.stack.keycloak;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the running Keycloak, for tests, the smoke check and benchmarks. Demo users have their
 * user name as password. Tokens are cached for a minute (they live five).
 */
public final class DemoTokens {

    /** Set by the stack once Keycloak is up, so that tests in any class loader find it. */
    public static final String KEYCLOAK_URL_PROPERTY = "zorgpad.stack.keycloak-url";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoTokens() {
    }

    /** A token for a demo user (anna, bea, daan, eva, rik, vera, wim, pim, noor) through the direct-grant client. */
    public static String forUser(String user) {
        return cached("user:" + user, () -> request(Map.of(
                "grant_type", "password",
                "client_id", DemoRealm.DEMO_CLIENT,
                "username", user,
                "password", user)));
    }

    /** A client-credentials token of a confidential demo client, e.g. practice-software-demo or a service. */
    public static String forClient(String clientId) {
        return cached("client:" + clientId, () -> request(Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", DemoRealm.clientSecret(clientId))));
    }

    /**
     * One fetch at a time per user or client: the realm's brute-force protection counts two logins of one user
     * within a second as an attack and refuses the second ("Invalid user credentials"), as it did when two threads
     * of a benchmark found the cache empty at once.
     */
    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        return CACHE.compute(key, (name, token) -> token == null
                || token.fetched.isBefore(Instant.now().minusSeconds(60))
                ? new CachedToken(fetch.get(), Instant.now()) : token).value;
    }

    private static String request(Map<String, String> form) {
        String keycloak = System.getProperty(KEYCLOAK_URL_PROPERTY);
        if (keycloak == null) {
            throw new IllegalStateException(KEYCLOAK_URL_PROPERTY + " is not set: is the local stack running?");
        }
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token: " + response.statusCode() + " "
                        + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloak, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record CachedToken(String value, Instant fetched) {
    }
}
