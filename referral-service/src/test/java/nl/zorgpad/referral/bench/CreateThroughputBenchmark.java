package nl.zorgpad.referral.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.referral.support.Api;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a benchmark, run on demand only, with the benchmark profile: {@code ./mvnw -B verify -Pbenchmark -pl
 * referral-service} (results and options: docs/benchmarks/referral-service.md).
 * Measures referral creates per second through the API (token check, validation, route resolution via the pathway
 * stub, one transaction with referral, history, outbox and access-log rows, durable commit) against plain JDBC doing
 * the same four inserts per transaction on the same database in the same run, and prints the ratio.
 */
@QuarkusTest
@Tag("benchmark")
class CreateThroughputBenchmark {

    private static final int CREATES = Integer.getInteger("bench.creates", 3000);
    /**
     * Creates before measuring. A service runs for days, so the steady state is what counts, and C2 takes long to get
     * there on two cores: the warm-up chunks' rates still climb after 20,000 creates (about 110/s in the first chunk,
     * 300-450/s from the fourth on), and after 10,000 a profile still put 29 % of the measured rounds' samples in C2.
     * 40,000 is a compromise with the benchmark's run time (about 5.5 minutes); 100,000 gave the same ratio.
     */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 40000);
    /** The warm-up runs in chunks, each with a fresh token; their rates show how far from steady the JVM still is. */
    private static final int WARMUP_CHUNK = 5000;

    @TestHTTPResource("/api/referrals")
    URL endpoint;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void createsPerSecondAgainstPlainJdbc() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long postmaster = postmasterPid();
        List<Double> warmUp = new ArrayList<>();
        for (int done = 0; done < WARMUP; done += WARMUP_CHUNK) {
            warmUp.add(runApi(http, Math.min(WARMUP_CHUNK, WARMUP - done)));
        }
        runJdbc(WARMUP / 2);
        System.out.printf("%n[benchmark] warmed up, measuring%n");
        List<Double> api = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        Cpu apiCpu = Cpu.ZERO;
        Cpu jdbcCpu = Cpu.ZERO;
        for (int round = 0; round < 3; round++) {
            Cpu before = Cpu.now(postmaster);
            api.add(runApi(http, CREATES));
            Cpu between = Cpu.now(postmaster);
            jdbc.add(runJdbc(CREATES));
            Cpu after = Cpu.now(postmaster);
            apiCpu = apiCpu.plus(between.minus(before));
            jdbcCpu = jdbcCpu.plus(after.minus(between));
        }
        double apiBest = api.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double jdbcBest = jdbc.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        System.out.printf("%n[benchmark] threads=%d warm-up=%d creates/round=%d cores=%d load=%.1f%n", Throughput.THREADS,
                WARMUP, CREATES,
                Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf("[benchmark] API creates/s per warm-up chunk of %d: %s%n", WARMUP_CHUNK, Throughput.rates(warmUp));
        System.out.printf("[benchmark] API creates/s per round: %s%n", Throughput.rates(api));
        System.out.printf("[benchmark] plain JDBC referral+history+outbox+access-log tx/s per round: %s%n",
                Throughput.rates(jdbc));
        System.out.printf("[benchmark] ratio (best API / best JDBC): %.2f%n", apiBest / jdbcBest);
        int ops = 3 * CREATES;
        System.out.printf("[benchmark] CPU ms per create, API:  this JVM (service + stub + HTTP client) %.2f, "
                + "PostgreSQL %.2f%n", apiCpu.jvmMillis() / ops, apiCpu.postgresMillis() / ops);
        System.out.printf("[benchmark] CPU ms per tx, JDBC:     this JVM (driver) %.2f, PostgreSQL %.2f%n%n",
                jdbcCpu.jvmMillis() / ops, jdbcCpu.postgresMillis() / ops);
    }

    /** CPU used so far by this JVM and by the PostgreSQL server (postmaster and its children), in milliseconds. */
    record Cpu(double jvmMillis, double postgresMillis) {

        static final Cpu ZERO = new Cpu(0, 0);

        static Cpu now(long postmaster) {
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean();
            return new Cpu(os.getProcessCpuTime() / 1e6, postgresMillis(postmaster));
        }

        Cpu plus(Cpu other) {
            return new Cpu(jvmMillis + other.jvmMillis, postgresMillis + other.postgresMillis);
        }

        Cpu minus(Cpu other) {
            return new Cpu(jvmMillis - other.jvmMillis, postgresMillis - other.postgresMillis);
        }

        /**
         * utime + stime of the postmaster and its live children, plus the postmaster's cutime + cstime (the CPU of
         * the children that already ended, such as the backends of closed connections), from /proc (Linux; 0
         * elsewhere), at 100 ticks/s.
         */
        private static double postgresMillis(long postmaster) {
            long ticks = 0;
            java.io.File[] procs = new java.io.File("/proc")
                    .listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
            if (postmaster <= 0 || procs == null) {
                return 0;
            }
            for (java.io.File proc : procs) {
                String[] stat = stat(proc.getName());
                if (stat != null && (proc.getName().equals(String.valueOf(postmaster))
                        || stat[1].equals(String.valueOf(postmaster)))) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                    if (proc.getName().equals(String.valueOf(postmaster))) {
                        ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                    }
                }
            }
            return ticks * 10.0;
        }
    }

    /**
     * The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ... [11] utime, [12] stime, [13] cutime,
     * [14] cstime.
     */
    private static String[] stat(String pid) {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (Exception e) {
            return null;
        }
    }

    private long postmasterPid() {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password);
             var r = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            String[] stat = stat(String.valueOf(r.getInt(1)));
            return stat == null ? -1 : Long.parseLong(stat[1]);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Runs {@code count} creates with a new token (a demo token lives five minutes, a long warm-up longer). */
    private double runApi(HttpClient http, int count) throws Exception {
        String token = DemoTokens.forUser("anna");
        AtomicInteger failures = new AtomicInteger();
        double rate = Throughput.run(count, i -> {
            String body = Throughput.JSON.writeValueAsString(Api.handover("Bench Client " + UUID.randomUUID(),
                    "financial-debt"));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.toString()))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                failures.incrementAndGet();
            }
            return null;
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " creates failed");
        }
        return rate;
    }

    private double runJdbc(int count) throws Exception {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                c.setAutoCommit(false);
                return c;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Connection> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        double rate = Throughput.run(count, i -> {
            Connection c = connections.get();
            if (!opened.contains(c)) {
                opened.add(c);
            }
            insertOne(c);
            c.commit();
            return null;
        });
        for (Connection c : opened) {
            c.close();
        }
        return rate;
    }

    private static void insertOne(Connection c) throws Exception {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String client = Throughput.JSON.writeValueAsString(Api.handover("Bench Client " + id, "financial-debt").get("client"));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO referral (id, version, referring_practice_id, "
                + "referring_user_id, partner_id, partner_name, partner_kind, region_id, municipality_code, phase, "
                + "vulnerability, urgency, pathway_id, pathway_version, partner_override, route, alternatives, "
                + "signal_codes, status, acknowledge_deadline, created_at, client_name_pseudonym, client, signals, "
                + "consent, referrer) VALUES (?, 0, 'practice-bench', 'bench', 'partner-bench', 'Bench', "
                + "'district-team', 'region-bench', 'GM0090', 'pregnancy', 'vulnerable', 'routine', 'pw', 3, false, "
                + "'{\"partnerId\":\"partner-bench\"}'::jsonb, '[]'::jsonb, ARRAY['financial-debt'], 'requested', ?, ?, "
                + "?, ?::jsonb, '[{\"code\":\"financial-debt\",\"note\":\"n\"}]'::jsonb, '{\"method\":\"verbal\"}'::jsonb, "
                + "'{\"name\":\"x\"}'::jsonb)")) {
            s.setObject(1, id);
            s.setObject(2, LocalDate.now().plusDays(7));
            s.setTimestamp(3, now);
            s.setString(4, id.toString());
            s.setString(5, client);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO referral_history (referral_id, to_status, "
                + "actor_user_id, actor_org_id, at) VALUES (?, 'requested', 'bench', 'practice-bench', ?)")) {
            s.setObject(1, id);
            s.setTimestamp(2, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox_event (id, aggregate_id, type, payload, "
                + "created_at, sent_at) VALUES (?, ?, 'referral.bench', ?, ?, ?)")) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, id);
            s.setString(3, "{\"specversion\":\"1.0\",\"subject\":\"" + id + "\"}");
            s.setTimestamp(4, now);
            s.setTimestamp(5, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO access_log (at, event, referral_id, "
                + "client_name_pseudonym, user_id, organisation_id, on_behalf_of, outcome) "
                + "VALUES (?, 'create', ?, ?, 'bench', 'practice-bench', 'bench', 'success')")) {
            s.setTimestamp(1, now);
            s.setObject(2, id);
            s.setString(3, id.toString());
            s.executeUpdate();
        }
    }
}
