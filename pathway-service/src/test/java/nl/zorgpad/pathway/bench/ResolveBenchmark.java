package nl.zorgpad.pathway.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.zorgpad.pathway.demo.WithDemoData;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: route resolution against the trivial authenticated endpoint GET /api/me, both with real
 * Keycloak tokens, on the demo data. Excluded from normal builds; run it with
 *
 * <pre>
 * ./mvnw -B verify -pl pathway-service -Dtest=ResolveBenchmark -DexcludedTestGroups=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * It prints (and writes to target/benchmark.txt) the closed-loop throughput of both endpoints and their ratio
 * (target: resolve >= 0.8 x trivial), and latency percentiles of both at an open-loop rate of 1,000 requests/s
 * (target: resolve p99 < 10 ms). Latency is measured from the scheduled send time, so queueing counts.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
@Tag("benchmark")
class ResolveBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void resolveAgainstTrivialEndpoint() throws Exception {
        String token = DemoTokens.forUser("anna");
        String body = "{\"postcode\":\"9203AB\",\"signalTypes\":[\"financial-debt\",\"poverty-income\","
                + "\"psychological\",\"low-literacy\"],\"dueDate\":\"" + LocalDate.now().plusDays(120)
                + "\",\"vulnerability\":\"vulnerable\",\"clientAge\":31,\"urgency\":\"routine\"}";
        Supplier<HttpRequest> me = () -> HttpRequest.newBuilder(URI.create(base + "api/me"))
                .header("Authorization", "Bearer " + token).GET().build();
        Supplier<HttpRequest> resolve = () -> HttpRequest.newBuilder(URI.create(base + "api/routes/resolve"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        check(me.get());
        check(resolve.get());

        List<String> lines = new ArrayList<>();
        lines.add("cores available: " + Runtime.getRuntime().availableProcessors() + ", concurrency "
                + CONCURRENCY + ", warm-up " + WARM_UP.toSeconds() + " s, measured " + MEASURE.toSeconds() + " s in "
                + ROUNDS + " rounds");
        closedLoop(me, WARM_UP);
        closedLoop(resolve, WARM_UP);
        // The machine is shared, so its load drifts: the two endpoints take turns in short rounds (in alternating
        // order) rather than one after the other, and each round's ratio is reported too.
        Duration round = MEASURE.dividedBy(ROUNDS);
        double trivial = 0;
        double routes = 0;
        List<String> ratios = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            double first = closedLoop(i % 2 == 0 ? me : resolve, round);
            double second = closedLoop(i % 2 == 0 ? resolve : me, round);
            double roundTrivial = i % 2 == 0 ? first : second;
            double roundRoutes = i % 2 == 0 ? second : first;
            trivial += roundTrivial / ROUNDS;
            routes += roundRoutes / ROUNDS;
            ratios.add(String.format("%.2f", roundRoutes / roundTrivial));
        }
        lines.add(String.format("throughput GET /api/me:            %8.0f req/s", trivial));
        lines.add(String.format("throughput POST /api/routes/resolve: %8.0f req/s", routes));
        lines.add(String.format("ratio resolve / trivial:           %8.2f (target >= 0.80; per round %s)",
                routes / trivial, String.join(" ", ratios)));
        lines.add(openLoop("GET /api/me", me));
        lines.add(openLoop("POST /api/routes/resolve", resolve));
        String report = String.join(System.lineSeparator(), lines);
        System.out.println("==== ResolveBenchmark ====" + System.lineSeparator() + report);
        Files.writeString(Path.of("target", "benchmark.txt"), report + System.lineSeparator());
    }

    private void check(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** Requests per second with CONCURRENCY callers each sending the next request when the last one returns. */
    private double closedLoop(Supplier<HttpRequest> request, Duration duration) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        long start = System.nanoTime();
        for (int i = 0; i < CONCURRENCY; i++) {
            callers.execute(() -> {
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> response = http.send(request.get(), HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? done : failed).incrementAndGet();
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(duration.toSeconds() + 30, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.out.println("  (" + failed.get() + " failed requests)");
        }
        return done.get() / ((System.nanoTime() - start) / 1e9);
    }

    /**
     * Offers RATE requests/s: request n is due at start + n / RATE. A pool of OPEN_LOOP_WORKERS callers takes the
     * next due request, waits until it is due, sends it and records the latency from the due time, so time spent
     * queueing behind a slow answer counts (no coordinated omission while a caller is free).
     */
    private String openLoop(String name, Supplier<HttpRequest> request) throws Exception {
        int workers = Integer.getInteger("bench.open-loop-workers", 32);
        long count = RATE * MEASURE.toSeconds();
        long periodNanos = 1_000_000_000L / RATE;
        long[] latencies = new long[(int) count];
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < workers; i++) {
            callers.execute(() -> {
                for (long n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    long due = start + n * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    try {
                        HttpResponse<Void> response = http.send(request.get(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                    latencies[(int) n] = System.nanoTime() - due;
                }
            });
        }
        callers.shutdown();
        callers.awaitTermination(MEASURE.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies.length);
        for (long latency : latencies) {
            sorted.add(latency);
        }
        Collections.sort(sorted);
        return String.format("%-26s at %d req/s offered (%d callers): achieved %.0f req/s, p50 %.2f ms, p99 %.2f ms,"
                        + " max %.2f ms, failed %d", name, RATE, workers, count / seconds, pct(sorted, 0.50),
                pct(sorted, 0.99), pct(sorted, 1.0), failed.get());
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
