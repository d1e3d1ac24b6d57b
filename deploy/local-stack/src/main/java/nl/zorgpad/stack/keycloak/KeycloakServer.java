package nl.zorgpad.stack.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.process.ChildProcess;
import nl.zorgpad.stack.process.Ports;

/**
 * The real Keycloak server (the Quarkus distribution from Maven Central) in development mode with an in-memory
 * database, so that the realm in {@code deploy/keycloak/zorgpad-realm.json} is imported fresh on every start.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "zorgpad";
    /** The demo-only bootstrap administrator (realm master) of this throwaway in-memory Keycloak. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    private static final String REALM_RESOURCE = "/zorgpad-stack/zorgpad-realm.json";

    private final int port;
    private final ChildProcess process;

    private KeycloakServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KeycloakServer start(StackLayout layout, Path folder, int port) {
        Ports.requireFree(port, "Keycloak");
        Path distribution = layout.keycloakDistribution();
        installRealm(distribution.resolve("data/import"));
        List<String> command = List.of(
                distribution.resolve("bin/kc.sh").toString(), "start-dev",
                "--db=dev-mem",
                "--http-port=" + port,
                "--import-realm");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        ChildProcess process = ChildProcess.start("keycloak", command, distribution, environment,
                folder.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(port, process);
        process.awaitReady(Duration.ofSeconds(360), server::realmAnswers);
        return server;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The issuer of the tokens: use {@code localhost}, a token issued for localhost is refused for 127.0.0.1. */
    public String realmUrl() {
        return url() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return realmUrl() + "/protocol/openid-connect/token";
    }

    private boolean realmAnswers() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void installRealm(Path importFolder) {
        try (InputStream realm = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
            }
            Files.createDirectories(importFolder);
            // Several test JVMs may start Keycloak from the same distribution at once: replace the file atomically.
            Path staged = Files.createTempFile(importFolder, "realm", ".tmp");
            Files.copy(realm, staged, StandardCopyOption.REPLACE_EXISTING);
            Files.move(staged, importFolder.resolve("zorgpad-realm.json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
