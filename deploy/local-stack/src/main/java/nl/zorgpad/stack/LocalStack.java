package nl.zorgpad.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nl.zorgpad.stack.kafka.KafkaBroker;
import nl.zorgpad.stack.keycloak.DemoRealm;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.keycloak.KeycloakServer;
import nl.zorgpad.stack.postgres.PostgresServer;
import nl.zorgpad.stack.process.Ports;

/**
 * PostgreSQL, Kafka and Keycloak, started together: the one implementation behind both the tests and deploy/run.
 */
public final class LocalStack implements AutoCloseable {

    /** The ports of the components. */
    public record StackPorts(int postgres, int kafka, int kafkaController, int keycloak) {

        /** The documented ports of the local run (PostgreSQL off 5432, so a system PostgreSQL does not clash). */
        public static StackPorts standard() {
            return new StackPorts(15432, 9092, 9093, 8180);
        }

        /** Free random ports, for tests. */
        public static StackPorts random() {
            return new StackPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free());
        }
    }

    private volatile PostgresServer postgres;
    private final Supplier<PostgresServer> postgresStart;
    private final KafkaBroker kafka;
    private final KeycloakServer keycloak;

    private LocalStack(PostgresServer postgres, Supplier<PostgresServer> postgresStart, KafkaBroker kafka,
                       KeycloakServer keycloak) {
        this.postgres = postgres;
        this.postgresStart = postgresStart;
        this.kafka = kafka;
        this.keycloak = keycloak;
    }

    /**
     * Starts the three components; data lives under {@code dataFolder} (kept between starts). Keycloak is the slowest
     * (15 to 40 s), so it starts in parallel with the other two. Each readiness is reported through {@code progress}.
     */
    public static LocalStack start(StackLayout layout, Path dataFolder, StackPorts ports,
                                   PostgresServer.Durability durability, Consumer<String> progress) {
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(() -> timed("Keycloak", progress,
                () -> KeycloakServer.start(layout, dataFolder.resolve("keycloak"), ports.keycloak())));
        PostgresServer postgres = null;
        KafkaBroker kafka = null;
        try {
            Supplier<PostgresServer> postgresStart = () -> PostgresServer.start(dataFolder.resolve("postgres"),
                    ports.postgres(), Arrays.stream(ZorgpadService.values()).map(ZorgpadService::database).toList(),
                    durability);
            postgres = timed(durability == PostgresServer.Durability.DURABLE ? "PostgreSQL"
                    : "PostgreSQL (fsync off: test data only)", progress, postgresStart);
            KafkaBroker broker = new KafkaBroker(layout, dataFolder.resolve("kafka"), ports.kafka(),
                    ports.kafkaController());
            kafka = broker;
            timed("Kafka", progress, () -> {
                broker.start();
                return broker;
            });
            LocalStack stack = new LocalStack(postgres, postgresStart, kafka, keycloak.join());
            System.setProperty(DemoTokens.KEYCLOAK_URL_PROPERTY, stack.keycloak.url());
            return stack;
        } catch (RuntimeException e) {
            keycloak.thenAccept(KeycloakServer::close);
            closeQuietly(kafka);
            closeQuietly(postgres);
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The configuration a service needs to run against this stack: its own database (connecting with its application
     * role, migrating with the owner role), the broker, and the realm with the service's demo client secret.
     */
    public Map<String, String> configFor(ZorgpadService service) {
        String app = PostgresServer.applicationRole(service.database());
        String owner = PostgresServer.ownerRole(service.database());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        config.put("quarkus.datasource.username", app);
        config.put("quarkus.datasource.password", PostgresServer.localPassword(app));
        config.put("quarkus.flyway.username", owner);
        config.put("quarkus.flyway.password", PostgresServer.localPassword(owner));
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        config.put("quarkus.oidc.credentials.secret", DemoRealm.clientSecret(service.clientId()));
        config.put("zorgpad.keycloak.url", keycloak.url());
        return config;
    }

    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String keycloakUrl() {
        return keycloak.url();
    }

    /** The zorgpad realm's issuer URL. */
    public String keycloakRealmUrl() {
        return keycloak.realmUrl();
    }

    /** Stops the broker, keeping its data, as in an outage. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same port and data. */
    public void startKafka() {
        kafka.start();
    }

    /** A setting of the running PostgreSQL server, e.g. {@code fsync}. */
    public String postgresSetting(String name) {
        return postgres.setting(name);
    }

    /** Stops PostgreSQL, keeping its data, as in an outage. */
    public void stopPostgres() {
        postgres.close();
    }

    /** Starts PostgreSQL again on the same port and data. */
    public void startPostgres() {
        postgres = postgresStart.get();
    }

    @Override
    public void close() {
        closeQuietly(keycloak);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static <T> T timed(String component, Consumer<String> progress, Supplier<T> start) {
        long started = System.nanoTime();
        progress.accept(component + " starting...");
        T result = start.get();
        progress.accept(component + " ready in " + Math.round((System.nanoTime() - started) / 1e9) + " s");
        return result;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("Could not stop " + closeable.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
