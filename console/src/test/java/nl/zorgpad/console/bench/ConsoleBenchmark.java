package nl.zorgpad.console.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.process.Folders;
import nl.zorgpad.stack.process.Ports;
import nl.zorgpad.stack.run.ConsoleSession;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the console against the whole system, started as deploy/run starts it (random ports, demo
 * data, the packaged jars). Excluded from normal builds; run it after packaging with
 *
 * <pre>
 * ./mvnw -B install -DskipTests
 * ./mvnw -B verify -Pbenchmark -pl console
 * </pre>
 *
 * It fills daan's team's werkbak with 500 referrals, then measures (targets of the console's brief in brackets):
 * the server-side render time of the full werkbak page once warm, p50/p95/p99 over sequential requests of one
 * logged-in user (p95 under 150 ms); the console's start, from launch until it answers ready (under 3 s); and its
 * resident memory after the load (under 250 MB). Results go to stdout and target/benchmark.txt.
 */
@Tag("benchmark")
class ConsoleBenchmark {

    private static final int REFERRALS = Integer.getInteger("bench.referrals", 500);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 300);
    private static final int MEASURED = Integer.getInteger("bench.requests", 500);
    private static final int RESTARTS = Integer.getInteger("bench.restarts", 3);
    private static final Pattern ROW = Pattern.compile("data-referral=\"");

    @Test
    void werkbakRenderTimeStartAndMemory() throws Exception {
        Path data = Path.of("target", "benchmark-system").toAbsolutePath();
        Folders.deleteRecursively(data);
        Path projectRoot = Path.of(System.getProperty("zorgpad.project.root", "..")).toAbsolutePath().normalize();
        StringBuilder report = new StringBuilder();
        try (LocalSystem system = LocalSystem.start(StackLayout.locate(), projectRoot, data,
                LocalStack.StackPorts.random(), LocalSystem.randomServicePorts(),
                EnumSet.allOf(ZorgpadService.class), Ports.free(), "demo", line -> System.out.println("[bench] "
                        + line))) {
            long rssAtStart = system.consoleResidentMebibytes();
            fillWerkbak(system.url(ZorgpadService.REFERRAL));

            ConsoleSession daan = ConsoleSession.login(system.consoleUrl(), "/werkbak", "daan");
            ConsoleSession.Page page = daan.get("/werkbak");
            assertEquals(200, page.status(), "daan's werkbak");
            long rows = ROW.matcher(page.body()).results().count();
            assertEquals(REFERRALS, rows, "every referral is a row of the werkbak");

            for (int i = 0; i < WARM_UP; i++) {
                daan.get("/werkbak");
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long started = System.nanoTime();
                ConsoleSession.Page measured = daan.get("/werkbak");
                nanos[i] = System.nanoTime() - started;
                if (measured.status() != 200) {
                    throw new IllegalStateException("werkbak answered " + measured.status());
                }
            }
            Arrays.sort(nanos);
            long rssAfterLoad = system.consoleResidentMebibytes();
            report.append(String.format("werkbak with %d referrals (%d KiB of HTML), %d sequential requests after %d"
                            + " warm-up: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", rows,
                    page.body().length() / 1024, MEASURED, WARM_UP, millis(nanos, 0.50), millis(nanos, 0.95),
                    millis(nanos, 0.99), nanos[nanos.length - 1] / 1e6));
            report.append(String.format("console RSS: %d MiB after start, %d MiB after the load%n", rssAtStart,
                    rssAfterLoad));
            List<String> starts = new ArrayList<>();
            for (int i = 0; i < RESTARTS; i++) {
                starts.add(String.format("%.2f s", system.restartConsole().toMillis() / 1000.0));
            }
            report.append("console start, launch until ready (polled every 250 ms): ").append(String.join(", ",
                    starts)).append(String.format("; RSS right after the last start: %d MiB%n",
                    system.consoleResidentMebibytes()));
        }
        System.out.println("\n" + report);
        Files.writeString(Path.of("target", "benchmark.txt"), report.toString());
    }

    /** 500 families referred by anna's practice to the Smallingerland team (postcode 9203, financial debt). */
    private static void fillWerkbak(String referralService) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String token = DemoTokens.forUser("anna");
        Instant tokenAt = Instant.now();
        for (int i = 0; i < REFERRALS; i++) {
            if (Duration.between(tokenAt, Instant.now()).toSeconds() > 200) {
                token = DemoTokens.forUser("anna");
                tokenAt = Instant.now();
            }
            String body = "{\"client\":{\"name\":\"Benchmark Familie " + i + "\",\"birthDate\":\""
                    + LocalDate.of(1990, 1, 1).plusDays(i) + "\",\"phone\":\"0612345678\",\"postcode\":\"9203 AB\","
                    + "\"houseNumber\":\"" + (i + 1) + "\",\"preferredLanguage\":\"nl\"},\"pregnancy\":{\"dueDate\":\""
                    + LocalDate.now().plusWeeks(20) + "\",\"vulnerability\":\"vulnerable\",\"urgency\":\"routine\"},"
                    + "\"signals\":[{\"code\":\"financial-debt\",\"note\":\"huurachterstand\"}],\"consent\":{"
                    + "\"givenBy\":\"client\",\"givenAt\":\"" + Instant.now().minusSeconds(60) + "\",\"method\":"
                    + "\"verbal\",\"partnerKinds\":[\"district-team\"],\"dataCategories\":[\"identity\",\"contact\","
                    + "\"signals\",\"language\"]},\"referrer\":{\"name\":\"Anna de Vries\",\"role\":\"midwife\","
                    + "\"phone\":\"0512 123456\"}}";
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(referralService
                            + "/api/referrals")).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("create " + i + " answered " + created.statusCode() + ": "
                        + created.body());
            }
        }
    }

    private static double millis(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
