package nl.zorgpad.stack.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.KeycloakHttp.Browser;
import nl.zorgpad.stack.keycloak.KeycloakHttp.Page;
import nl.zorgpad.stack.process.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The realms in a real Keycloak: the demo realm as the stack imports it (Dutch login pages, tess's second factor, the
 * confidential console client), and the production realm file imported beside it through the admin REST API.
 */
class KeycloakRealmsTest {

    /** Nothing listens there: the browser stops at the redirect back to the console and reads the code from it. */
    private static final String CONSOLE_REDIRECT = "http://localhost:49151/callback";
    private static final String PRODUCTION_REDIRECT = "https://zorgpad.example.nl/callback";
    /** The production file's realm, imported under another name so that the demo realm stays as it is. */
    private static final String PRODUCTION_CHECK = "zorgpad-production-check";

    private static KeycloakServer keycloak;
    private static KeycloakHttp http;

    @BeforeAll
    static void startKeycloak() {
        Path folder = Path.of("target", "keycloak-realms-test").toAbsolutePath();
        keycloak = KeycloakServer.start(StackLayout.locate(), folder, Ports.free());
        http = new KeycloakHttp(keycloak.url());
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void tessIsRefusedWithOnlyHerPasswordAndGetsATokenWithHerOneTimeCode() {
        assertRefused(directGrant(DemoTotp.USER, Map.of()));

        HttpResponse<String> withCode = directGrant(DemoTotp.USER, Map.of("totp", DemoTotp.currentCode()));
        assertEquals(200, withCode.statusCode(), withCode.body());
        JsonNode tess = KeycloakHttp.claims(KeycloakHttp.json(withCode).path("access_token").asText());
        assertEquals("tess", tess.path("preferred_username").asText());
        assertEquals("partner-wijkteam-smallingerland", tess.path("org_id").asText());
        assertTrue(texts(tess.path("realm_access").path("roles")).contains("district-team"), tess.toString());

        // After the success: two failures within a second would lock her out for a minute (brute-force protection).
        assertRefused(directGrant(DemoTotp.USER, Map.of("totp", aWrongCode())));

        HttpResponse<String> daan = directGrant("daan", Map.of());
        assertEquals(200, daan.statusCode(), "the other demo users stay password-only: " + daan.body());
    }

    @Test
    void tessLogsInToTheConsoleInDutchWithPasswordAndCode() {
        Browser browser = new Browser(CONSOLE_REDIRECT);
        Page login = browser.startLogin(keycloak.realmUrl(), DemoRealm.CONSOLE_CLIENT);
        assertEquals(200, login.status(), login.html());
        assertTrue(login.html().contains("lang=\"nl\""), "Dutch by default");
        assertTrue(login.html().contains("Inloggen bij uw account"), login.html());
        for (String id : List.of("kc-form-login", "username", "password", "kc-login")) {
            assertTrue(login.hasElement(id), "login page has #" + id);
        }

        Page otp = browser.submit(login, "kc-form-login", Map.of("username", "tess", "password", "tess"));
        assertNull(otp.redirectedTo(), "no way into the console with only a password");
        for (String id : List.of("kc-otp-login-form", "otp", "kc-login")) {
            assertTrue(otp.hasElement(id), "one-time code page has #" + id + ":\n" + otp.html());
        }
        assertTrue(otp.html().contains("Eenmalige code"), otp.html());

        Page back = browser.submit(otp, "kc-otp-login-form", Map.of("otp", DemoTotp.currentCode()));
        String code = back.code();

        HttpResponse<String> withoutSecret = exchange(code, browser, null);
        assertEquals(401, withoutSecret.statusCode(), "the console is a confidential client: " + withoutSecret.body());
        HttpResponse<String> tokens = exchange(code, browser, DemoRealm.clientSecret(DemoRealm.CONSOLE_CLIENT));
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode response = KeycloakHttp.json(tokens);
        assertEquals(300, response.path("expires_in").asInt(), "access tokens live 5 minutes");
        assertEquals(1800, response.path("refresh_expires_in").asInt(), "the session ends after 30 idle minutes");
        JsonNode tess = KeycloakHttp.claims(response.path("access_token").asText());
        assertEquals(DemoRealm.CONSOLE_CLIENT, tess.path("azp").asText());
        assertEquals("partner-wijkteam-smallingerland", tess.path("org_id").asText());
        assertTrue(texts(tess.path("realm_access").path("roles")).contains("district-team"), tess.toString());
        for (ZorgpadService service : ZorgpadService.values()) {
            assertTrue(texts(tess.path("aud")).contains(service.clientId()), "audience " + service.clientId());
        }
    }

    @Test
    void aPasswordOnlyUserLogsInToTheConsoleWithoutACode() {
        Browser browser = new Browser(CONSOLE_REDIRECT);
        Page login = browser.startLogin(keycloak.realmUrl(), DemoRealm.CONSOLE_CLIENT);
        Page back = browser.submit(login, "kc-form-login", Map.of("username", "anna", "password", "anna"));
        HttpResponse<String> tokens = exchange(back.code(), browser, DemoRealm.clientSecret(DemoRealm.CONSOLE_CLIENT));
        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode anna = KeycloakHttp.claims(KeycloakHttp.json(tokens).path("access_token").asText());
        assertEquals("practice-de-wieken", anna.path("org_id").asText());
        assertTrue(texts(anna.path("realm_access").path("roles")).contains("midwife"), anna.toString());
    }

    @Test
    void productionRealmImportsAndAsksEveryPersonForASecondFactor() throws IOException {
        ObjectNode file = (ObjectNode) KeycloakHttp.JSON.readTree(RealmFilesTest.PRODUCTION_FILE.toFile());
        file.put("realm", PRODUCTION_CHECK);
        HttpResponse<String> imported = http.admin("POST", "", file.toString());
        assertEquals(201, imported.statusCode(), imported.body());

        JsonNode realm = KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK, null));
        assertEquals("all", realm.path("sslRequired").asText());
        assertEquals(file.path("passwordPolicy").asText(), realm.path("passwordPolicy").asText());
        assertTrue(realm.path("bruteForceProtected").asBoolean());
        assertEquals("nl", realm.path("defaultLocale").asText());
        assertEquals(Set.of("nl", "en"), Set.copyOf(texts(realm.path("supportedLocales"))));
        String flow = realm.path("browserFlow").asText();
        assertEquals(file.path("browserFlow").asText(), flow);
        JsonNode executions = KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK + "/authentication/flows/"
                + URLEncoder.encode(flow, StandardCharsets.UTF_8).replace("+", "%20") + "/executions", null));
        List<String> steps = texts(executions, "providerId", "requirement");
        assertTrue(steps.contains("auth-otp-form REQUIRED"), steps.toString());
        assertTrue(steps.stream().noneMatch(step -> step.endsWith("CONDITIONAL")), steps.toString());
        JsonNode configureTotp = KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK
                + "/authentication/required-actions/CONFIGURE_TOTP", null));
        assertTrue(configureTotp.path("defaultAction").asBoolean(), configureTotp.toString());
        assertEquals("[]", http.admin("GET", "/" + PRODUCTION_CHECK + "/users", null).body(), "no people");

        Set<String> withGeneratedSecret = new TreeSet<>();
        for (JsonNode client : KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK + "/clients", null))) {
            String clientId = client.path("clientId").asText();
            assertFalse(Set.of(DemoRealm.DEMO_CLIENT, DemoRealm.PRACTICE_SOFTWARE_CLIENT).contains(clientId), clientId);
            if (file.path("clients").findValuesAsText("clientId").contains(clientId)
                    && !client.path("publicClient").asBoolean()) {
                String secret = KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK + "/clients/"
                        + client.path("id").asText() + "/client-secret", null)).path("value").asText();
                assertTrue(secret.length() >= 32, clientId + " gets a generated secret");
                assertNotEquals(DemoRealm.clientSecret(clientId), secret);
                withGeneratedSecret.add(clientId);
            }
        }
        assertEquals(Set.of("pathway-service", "referral-service", "notification-service", DemoRealm.CONSOLE_CLIENT),
                withGeneratedSecret);

        Page overHttp = new Browser(PRODUCTION_REDIRECT).startLogin(keycloak.url() + "/realms/" + PRODUCTION_CHECK,
                DemoRealm.CONSOLE_CLIENT);
        assertFalse(overHttp.hasElement("kc-form-login"), "no login over plain http");
        assertTrue(overHttp.html().contains("HTTPS"), overHttp.html());

        HttpResponse<String> weak = http.admin("POST", "/" + PRODUCTION_CHECK + "/users",
                person("kim", "kortwachtw8"));
        assertEquals(400, weak.statusCode(), weak.body());
        assertTrue(weak.body().contains("invalidPasswordMinLengthMessage"), weak.body());
        String password = "een lange zin als wachtwoord";
        assertEquals(201, http.admin("POST", "/" + PRODUCTION_CHECK + "/users", person("kim", password)).statusCode());
        JsonNode kim = KeycloakHttp.json(http.admin("GET", "/" + PRODUCTION_CHECK + "/users?exact=true&username=kim",
                null)).get(0);
        assertEquals(List.of("CONFIGURE_TOTP"), texts(kim.path("requiredActions")), "a new person sets up OTP first");

        // Plain http from here on, only to let this test's browser in; then even without the required action the
        // flow itself sends a person without an authenticator app to set one up before anything else.
        assertEquals(204, http.admin("PUT", "/" + PRODUCTION_CHECK, "{\"sslRequired\":\"none\"}").statusCode());
        ((ObjectNode) kim).putArray("requiredActions");
        assertEquals(204, http.admin("PUT", "/" + PRODUCTION_CHECK + "/users/" + kim.path("id").asText(),
                kim.toString()).statusCode());
        Browser browser = new Browser(PRODUCTION_REDIRECT);
        Page login = browser.startLogin(keycloak.url() + "/realms/" + PRODUCTION_CHECK, DemoRealm.CONSOLE_CLIENT);
        assertTrue(login.html().contains("lang=\"nl\""), login.html());
        Page next = browser.submit(login, "kc-form-login", Map.of("username", "kim", "password", password));
        assertNull(next.redirectedTo(), "a password alone does not let kim in");
        assertTrue(next.hasElement("kc-totp-settings-form"), "kim is asked to set up OTP:\n" + next.html());
    }

    private static HttpResponse<String> directGrant(String user, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "password",
                "client_id", DemoRealm.DEMO_CLIENT, "username", user, "password", user));
        form.putAll(extra);
        return http.postForm("/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token", form);
    }

    /** Keycloak answers 400 (one-time code missing) or 401 (a credential wrong) with invalid_grant, and no token. */
    private static void assertRefused(HttpResponse<String> response) {
        assertTrue(Set.of(400, 401).contains(response.statusCode()), response.statusCode() + " " + response.body());
        assertEquals("invalid_grant", KeycloakHttp.json(response).path("error").asText(), response.body());
        assertFalse(response.body().contains("access_token"), response.body());
    }

    private static HttpResponse<String> exchange(String code, Browser browser, String secret) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", CONSOLE_REDIRECT, "code_verifier", browser.codeVerifier(),
                "client_id", DemoRealm.CONSOLE_CLIENT));
        if (secret != null) {
            form.put("client_secret", secret);
        }
        return http.postForm("/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token", form);
    }

    /** A six-digit code that is valid in none of the periods Keycloak accepts now (the current one and either side). */
    private static String aWrongCode() {
        Instant now = Instant.now();
        Set<String> valid = Set.of(DemoTotp.codeAt(now.minusSeconds(30)), DemoTotp.codeAt(now),
                DemoTotp.codeAt(now.plusSeconds(30)), DemoTotp.codeAt(now.plusSeconds(60)));
        int candidate = Integer.parseInt(DemoTotp.codeAt(now));
        String wrong;
        do {
            candidate = (candidate + 1) % 1_000_000;
            wrong = String.format("%06d", candidate);
        } while (valid.contains(wrong));
        return wrong;
    }

    private static String person(String username, String password) {
        return "{\"username\":\"" + username + "\",\"enabled\":true,\"firstName\":\"Kim\",\"lastName\":\"Bakker\","
                + "\"email\":\"" + username + "@example.nl\",\"emailVerified\":true,"
                + "\"credentials\":[{\"type\":\"password\",\"value\":\"" + password + "\",\"temporary\":false}]}";
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static List<String> texts(JsonNode array, String first, String second) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path(first).asText() + " " + node.path(second).asText()).toList();
    }
}
