package nl.zorgpad.stack.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL 17 server from the zonky binaries on Maven Central. Each service gets its own database, owned by
 * a role that runs the service's Flyway migrations, and a separate application role that the service connects with:
 * the migrations decide what the application role may do (e.g. only insert into the access log).
 */
public final class PostgresServer implements AutoCloseable {

    /** Whether a commit survives a crash of the machine. */
    public enum Durability {
        /** fsync on, as in production: deploy/run, the system tests and the benchmarks. */
        DURABLE,
        /**
         * fsync off: a crash of the machine may lose or corrupt recent commits. Only for the services' own test
         * runs, whose data is thrown away afterwards; it spares every commit a flush to disk.
         */
        CRASH_UNSAFE_FOR_TESTS
    }

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    public static PostgresServer start(Path folder, int port, List<String> databases, Durability durability) {
        Path data = folder.resolve("data");
        stopLeftover(data);
        try {
            Files.createDirectories(folder);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(folder.resolve("binaries").toFile())
                    // The library starts the server with -F (fsync off); a later -c fsync=... overrides it, since
                    // PostgreSQL applies its command-line options in order.
                    .setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(180))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(folder.resolve("postgres.log").toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres, port);
            databases.forEach(server::ensureDatabase);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start, see " + folder.resolve("postgres.log"), e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A setting of the running server as it answers {@code SHOW}, e.g. {@code fsync}. */
    public String setting(String name) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             var show = admin.prepareStatement("SELECT current_setting(?)")) {
            show.setString(1, name);
            var value = show.executeQuery();
            value.next();
            return value.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read setting " + name, e);
        }
    }

    /** The role that owns the database and runs its migrations. */
    public static String ownerRole(String database) {
        return database;
    }

    /** The role the service connects with at run time. */
    public static String applicationRole(String database) {
        return database + "_app";
    }

    /** Local-only passwords (the server trusts loopback anyway); production takes them from secrets. */
    public static String localPassword(String role) {
        return role + "-local";
    }

    private void ensureDatabase(String database) {
        String owner = ownerRole(database);
        String app = applicationRole(database);
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             Statement sql = admin.createStatement()) {
            createRoleIfMissing(sql, owner);
            createRoleIfMissing(sql, app);
            var exists = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                sql.execute("CREATE DATABASE " + database + " OWNER " + owner);
            }
            sql.execute("GRANT CONNECT ON DATABASE " + database + " TO " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        try (Connection asOwner = DriverManager.getConnection(jdbcUrl(database), owner, localPassword(owner));
             Statement sql = asOwner.createStatement()) {
            sql.execute("GRANT USAGE ON SCHEMA public TO " + app);
            sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public "
                    + "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app);
            sql.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public "
                    + "GRANT USAGE, SELECT ON SEQUENCES TO " + app);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare database " + database, e);
        }
    }

    private static void createRoleIfMissing(Statement sql, String role) throws SQLException {
        var exists = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'");
        if (!exists.next()) {
            sql.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + localPassword(role) + "'");
        }
    }

    /**
     * PostgreSQL runs detached from the JVM that started it. If that JVM was killed, the server is still running on
     * our data folder; stop it before starting again.
     */
    private static void stopLeftover(Path data) {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
            ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").contains("postgres")).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(20, TimeUnit.SECONDS).exceptionally(t -> {
                    p.destroyForcibly();
                    return p;
                }).join();
            });
        } catch (IOException | RuntimeException e) {
            // A stale or unreadable pid file: PostgreSQL itself deals with it on start.
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
