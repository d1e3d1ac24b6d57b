package nl.zorgpad.stack.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The two realm files of deploy/keycloak, read as JSON: the demo realm holds what the tests and the console rely on,
 * the production realm holds the same clients and mappers without anything demo and with a second factor required.
 */
class RealmFilesTest {

    static final Path REALM_FOLDER = Path.of(System.getProperty("zorgpad.project.root", "../.."), "deploy", "keycloak");
    static final Path DEMO_FILE = REALM_FOLDER.resolve("zorgpad-realm.json");
    static final Path PRODUCTION_FILE = REALM_FOLDER.resolve("zorgpad-realm-production.json");
    private static final Set<String> DEMO_ONLY_CLIENTS =
            Set.of(DemoRealm.DEMO_CLIENT, DemoRealm.PRACTICE_SOFTWARE_CLIENT);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode demo = read(DEMO_FILE);
    private final JsonNode production = read(PRODUCTION_FILE);

    @Test
    void productionRealmHasNoPeopleAndNoCredentials() {
        for (JsonNode user : production.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "a person: " + user.path("username"));
            assertFalse(user.has("credentials"), user.toString());
        }
        List<String> forbidden = new ArrayList<>();
        collectFields(production, Set.of("secret", "secretData", "credentials", "value"), "", forbidden);
        assertEquals(List.of(), forbidden, "secrets or credentials in the production realm");
    }

    @Test
    void productionRealmHasEveryClientButTheDemoOnesWithTheSameMappers() {
        Map<String, JsonNode> productionClients = byClientId(production);
        for (String demoOnly : DEMO_ONLY_CLIENTS) {
            assertFalse(productionClients.containsKey(demoOnly), demoOnly + " is demo only");
        }
        Map<String, JsonNode> demoClients = byClientId(demo);
        demoClients.keySet().removeAll(DEMO_ONLY_CLIENTS);
        assertEquals(demoClients.keySet(), productionClients.keySet());
        for (Map.Entry<String, JsonNode> client : demoClients.entrySet()) {
            JsonNode twin = productionClients.get(client.getKey());
            for (String field : List.of("publicClient", "standardFlowEnabled", "serviceAccountsEnabled",
                    "clientAuthenticatorType", "protocolMappers")) {
                assertEquals(client.getValue().path(field), twin.path(field), client.getKey() + " " + field);
            }
            assertFalse(twin.path("directAccessGrantsEnabled").asBoolean(true), client.getKey() + " direct grant");
            assertFalse(twin.path("implicitFlowEnabled").asBoolean(false), client.getKey() + " implicit flow");
        }
        assertEquals(demo.path("roles"), production.path("roles"));
        assertEquals(serviceAccountRoles(demo, productionClients.keySet()), serviceAccountRoles(production, Set.of()));
    }

    @Test
    void productionConsoleRedirectsOnlyToTheHttpsHost() {
        JsonNode console = byClientId(production).get(DemoRealm.CONSOLE_CLIENT);
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        List<String> uris = texts(console.path("redirectUris"));
        uris.add(console.path("attributes").path("post.logout.redirect.uris").asText());
        uris.addAll(texts(console.path("webOrigins")));
        for (String uri : uris) {
            assertTrue(uri.startsWith("https://") && !uri.contains("localhost"), uri);
        }
    }

    @Test
    void productionRealmRequiresHttpsAStrongPasswordAndAOneTimeCode() {
        assertEquals("all", production.path("sslRequired").asText());
        assertTrue(production.path("bruteForceProtected").asBoolean());
        String policy = production.path("passwordPolicy").asText();
        for (String rule : List.of("length(12)", "notUsername", "notEmail", "passwordHistory(5)")) {
            assertTrue(policy.contains(rule), policy);
        }
        assertFalse(production.path("otpPolicyCodeReusable").asBoolean(true));

        JsonNode configureTotp = find(production.path("requiredActions"), "alias", "CONFIGURE_TOTP");
        assertTrue(configureTotp.path("enabled").asBoolean() && configureTotp.path("defaultAction").asBoolean());

        // The browser flow: cookie (an earlier full login) or the forms, in which password and OTP are both REQUIRED.
        JsonNode flow = find(production.path("authenticationFlows"), "alias", production.path("browserFlow").asText());
        List<String> steps = new ArrayList<>();
        collectSteps(production, flow, steps);
        assertTrue(steps.contains("auth-username-password-form REQUIRED"), steps.toString());
        assertTrue(steps.contains("auth-otp-form REQUIRED"), steps.toString());
        assertTrue(steps.stream().noneMatch(step -> step.endsWith("CONDITIONAL")), steps.toString());
        assertTrue(steps.stream().filter(step -> step.endsWith("ALTERNATIVE"))
                .allMatch(step -> step.startsWith("auth-cookie") || step.startsWith("identity-provider-redirector")
                        || step.startsWith("flow ")), steps.toString());
    }

    @Test
    void bothRealmsSpeakDutchFirst() {
        for (JsonNode realm : List.of(demo, production)) {
            assertTrue(realm.path("internationalizationEnabled").asBoolean());
            assertEquals(Set.of("nl", "en"), Set.copyOf(texts(realm.path("supportedLocales"))));
            assertEquals("nl", realm.path("defaultLocale").asText());
            assertEquals(300, realm.path("accessTokenLifespan").asInt());
            assertEquals(1800, realm.path("ssoSessionIdleTimeout").asInt());
            assertEquals(36000, realm.path("ssoSessionMaxLifespan").asInt());
        }
    }

    @Test
    void demoConsoleIsConfidentialWithTheDemoSecret() {
        JsonNode console = byClientId(demo).get(DemoRealm.CONSOLE_CLIENT);
        assertFalse(console.path("publicClient").asBoolean(true));
        assertEquals(DemoRealm.clientSecret(DemoRealm.CONSOLE_CLIENT), console.path("secret").asText());
        assertEquals("zorgpad-console-demo-secret", DemoRealm.clientSecret(DemoRealm.CONSOLE_CLIENT));
        assertEquals("S256", console.path("attributes").path("pkce.code.challenge.method").asText());
        assertTrue(console.path("standardFlowEnabled").asBoolean());
        assertFalse(console.path("directAccessGrantsEnabled").asBoolean(true));
        for (JsonNode client : demo.path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                String clientId = client.path("clientId").asText();
                assertEquals(DemoRealm.clientSecret(clientId), client.path("secret").asText(), clientId);
            }
        }
    }

    @Test
    void onlyTessHasASecondFactorInTheDemoRealm() throws IOException {
        JsonNode tess = find(demo.path("users"), "username", DemoTotp.USER);
        assertEquals(List.of("district-team"), texts(tess.path("realmRoles")));
        assertEquals(List.of("/partners/partner-wijkteam-smallingerland"), texts(tess.path("groups")));
        JsonNode otp = find(tess.path("credentials"), "type", "otp");
        assertEquals(DemoTotp.REALM_SECRET, JSON.readTree(otp.path("secretData").asText()).path("value").asText());
        JsonNode data = JSON.readTree(otp.path("credentialData").asText());
        assertEquals("totp", data.path("subType").asText());
        assertEquals(DemoTotp.DIGITS, data.path("digits").asInt());
        assertEquals(DemoTotp.PERIOD_SECONDS, data.path("period").asLong());
        assertEquals("HmacSHA1", data.path("algorithm").asText());
        assertFalse(data.has("secretEncoding"), "the key is the secret's UTF-8 bytes, as DemoTotp computes it");

        for (JsonNode user : demo.path("users")) {
            if (!user.path("username").asText().equals(DemoTotp.USER)) {
                assertTrue(stream(user.path("credentials")).allMatch(c -> c.path("type").asText().equals("password")),
                        user.path("username") + " stays password-only");
            }
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file.toAbsolutePath(), e);
        }
    }

    private static Map<String, JsonNode> byClientId(JsonNode realm) {
        return stream(realm.path("clients")).collect(Collectors.toMap(c -> c.path("clientId").asText(), c -> c,
                (a, b) -> a, TreeMap::new));
    }

    private static Map<String, List<String>> serviceAccountRoles(JsonNode realm, Set<String> onlyClients) {
        return stream(realm.path("users"))
                .filter(u -> u.hasNonNull("serviceAccountClientId"))
                .filter(u -> onlyClients.isEmpty() || onlyClients.contains(u.path("serviceAccountClientId").asText()))
                .collect(Collectors.toMap(u -> u.path("serviceAccountClientId").asText(),
                        u -> texts(u.path("realmRoles")), (a, b) -> a, TreeMap::new));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        JsonNode found = stream(array).filter(n -> n.path(field).asText().equals(value)).findFirst().orElse(null);
        assertNotNull(found, "no element with " + field + " = " + value);
        return found;
    }

    private static void collectSteps(JsonNode realm, JsonNode flow, List<String> steps) {
        for (JsonNode execution : flow.path("authenticationExecutions")) {
            String requirement = execution.path("requirement").asText();
            if (execution.path("authenticatorFlow").asBoolean()) {
                steps.add("flow " + requirement);
                collectSteps(realm, find(realm.path("authenticationFlows"), "alias",
                        execution.path("flowAlias").asText()), steps);
            } else {
                steps.add(execution.path("authenticator").asText() + " " + requirement);
            }
        }
    }

    private static void collectFields(JsonNode node, Set<String> names, String path, List<String> found) {
        node.fields().forEachRemaining(field -> {
            if (names.contains(field.getKey())) {
                found.add(path + "/" + field.getKey());
            }
            collectFields(field.getValue(), names, path + "/" + field.getKey(), found);
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFields(node.get(i), names, path + "/" + i, found);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).collect(Collectors.toCollection(ArrayList::new));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
