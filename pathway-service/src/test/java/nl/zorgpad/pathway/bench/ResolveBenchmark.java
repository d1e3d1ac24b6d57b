package nl.zorgpad.pathway.bench;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import nl.zorgpad.pathway.demo.WithDemoData;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: route resolution against the trivial authenticated endpoint GET /api/me
 * ({@link TrivialEndpoint}, test code), both with real Keycloak tokens, on the demo data. Excluded from normal
 * builds; run it with
 *
 * <pre>
 * ./mvnw -B verify -Pbenchmark -pl pathway-service
 * </pre>
 *
 * It prints (and writes to target/benchmark.txt) the closed-loop throughput of both endpoints and their ratio
 * (target: resolve >= 0.8 x trivial), and latency percentiles of both at an open-loop rate of 1,000 requests/s
 * (target: resolve p99 < 10 ms). Latency is measured from the scheduled send time, so queueing counts.
 *
 * <p>The load generator shares the JVM and the two cores with the service, so it is kept cheap: a non-blocking
 * HTTP/1.1 client on one Vert.x event loop of its own (keep-alive connections, no thread per caller). A client with
 * a blocking thread per caller took a large share of the CPU and added its own thread-scheduling delays to every
 * percentile.
 */
@QuarkusTest
@TestProfile(WithDemoData.class)
@Tag("benchmark")
class ResolveBenchmark {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 8);
    private static final int OPEN_LOOP_CONNECTIONS = Integer.getInteger("bench.open-loop-connections", 32);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 15));
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final int RATE = Integer.getInteger("bench.rate", 1000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);

    @TestHTTPResource("/")
    URL base;

    @Test
    void resolveAgainstTrivialEndpoint() throws Exception {
        String token = DemoTokens.forUser("anna");
        String body = "{\"postcode\":\"9203AB\",\"signalTypes\":[\"financial-debt\",\"poverty-income\","
                + "\"psychological\",\"low-literacy\"],\"dueDate\":\"" + LocalDate.now().plusDays(120)
                + "\",\"vulnerability\":\"vulnerable\",\"clientAge\":31,\"urgency\":\"routine\"}";
        Call me = new Call(HttpMethod.GET, "/api/me", MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + token), null);
        Call resolve = new Call(HttpMethod.POST, "/api/routes/resolve", MultiMap.caseInsensitiveMultiMap()
                .add("Authorization", "Bearer " + token).add("Content-Type", "application/json"),
                Buffer.buffer(body));

        try (LoadClient client = new LoadClient(base, Math.max(CONCURRENCY, OPEN_LOOP_CONNECTIONS))) {
            client.check(me);
            client.check(resolve);

            List<String> lines = new ArrayList<>();
            lines.add("cores available: " + Runtime.getRuntime().availableProcessors() + ", concurrency "
                    + CONCURRENCY + ", warm-up " + WARM_UP.toSeconds() + " s, measured " + MEASURE.toSeconds()
                    + " s in " + ROUNDS + " rounds, garbage collector " + ManagementFactory.getGarbageCollectorMXBeans()
                    .stream().map(GarbageCollectorMXBean::getName).toList());
            client.closedLoop(withFreshToken(me), WARM_UP);
            client.closedLoop(withFreshToken(resolve), WARM_UP);
            // The machine is shared, so its load drifts: the two endpoints take turns in short rounds (in
            // alternating order) rather than one after the other, and each round's ratio is reported too.
            Duration round = MEASURE.dividedBy(ROUNDS);
            double trivial = 0;
            double routes = 0;
            List<String> ratios = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                double first = client.closedLoop(withFreshToken(i % 2 == 0 ? me : resolve), round);
                double second = client.closedLoop(withFreshToken(i % 2 == 0 ? resolve : me), round);
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
            lines.add(client.openLoop("GET /api/me", withFreshToken(me)));
            lines.add(client.openLoop("POST /api/routes/resolve", withFreshToken(resolve)));
            String report = String.join(System.lineSeparator(), lines);
            System.out.println("==== ResolveBenchmark ====" + System.lineSeparator() + report);
            Files.writeString(Path.of("target", "benchmark.txt"), report + System.lineSeparator());
        }
    }

    /**
     * The call with a token that outlives the next phase: tokens live five minutes, and with longer phases
     * ({@code -Dbench.seconds}) the run would otherwise end in 401s.
     */
    private static Call withFreshToken(Call call) {
        call.headers().set("Authorization", "Bearer " + DemoTokens.forUser("anna"));
        return call;
    }

    /** One request, sent again and again. */
    private record Call(HttpMethod method, String uri, MultiMap headers, Buffer body) {
    }

    /**
     * The load generator: a pool of keep-alive HTTP/1.1 connections driven from one event loop. Everything that
     * touches the client runs on that event loop, so the counters need no locks beyond what the results are read
     * from (after the latch).
     */
    private static final class LoadClient implements AutoCloseable {

        private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        private final Context context = vertx.getOrCreateContext();
        private final HttpClient http;

        LoadClient(URL base, int connections) {
            this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost())
                    .setDefaultPort(base.getPort()).setKeepAlive(true).setConnectTimeout(5_000),
                    new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        }

        /** Sends the call on the client's event loop; completes with the status code once the body has arrived. */
        private Future<Integer> send(Call call) {
            return http.request(call.method(), call.uri()).compose(request -> {
                request.headers().addAll(call.headers());
                return call.body() == null ? request.send() : request.send(call.body());
            }).compose(response -> response.body().map(ignored -> response.statusCode()));
        }

        void check(Call call) throws Exception {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong status = new AtomicLong();
            context.runOnContext(v -> send(call).onComplete(result -> {
                status.set(result.succeeded() ? result.result() : -1);
                done.countDown();
            }));
            if (!done.await(30, TimeUnit.SECONDS) || status.get() != 200) {
                throw new IllegalStateException(call.uri() + " answered " + status.get());
            }
        }

        /** Requests per second with CONCURRENCY requests in flight, each followed by the next when it returns. */
        double closedLoop(Call call, Duration duration) throws InterruptedException {
            long[] done = new long[1];
            long[] failed = new long[1];
            CountDownLatch finished = new CountDownLatch(CONCURRENCY);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            context.runOnContext(v -> {
                for (int i = 0; i < CONCURRENCY; i++) {
                    callUntil(call, end, done, failed, finished);
                }
            });
            if (!finished.await(duration.toSeconds() + 30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("closed loop did not finish");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failed[0] > 0) {
                System.out.println("  (" + failed[0] + " failed requests)");
            }
            return done[0] / seconds;
        }

        private void callUntil(Call call, long end, long[] done, long[] failed, CountDownLatch finished) {
            send(call).onComplete(result -> {
                if (result.succeeded() && result.result() == 200) {
                    done[0]++;
                } else {
                    failed[0]++;
                }
                if (System.nanoTime() < end) {
                    callUntil(call, end, done, failed, finished);
                } else {
                    finished.countDown();
                }
            });
        }

        /**
         * Offers RATE requests/s: request n is due at start + n / RATE. A pacing thread hands each request to the
         * event loop at its due time, whether or not earlier answers have come back (a request with no free
         * connection waits in the client's queue), and the latency is taken from the due time, so queueing counts
         * and a slow answer does not hide the ones behind it (no coordinated omission).
         */
        String openLoop(String name, Call call) throws InterruptedException {
            int count = (int) (RATE * MEASURE.toSeconds());
            long periodNanos = 1_000_000_000L / RATE;
            long[] latencies = new long[count];
            long[] failed = new long[1];
            CountDownLatch finished = new CountDownLatch(count);
            long start = System.nanoTime() + 50_000_000L;
            for (int n = 0; n < count; n++) {
                long due = start + n * periodNanos;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                int index = n;
                context.runOnContext(v -> send(call).onComplete(result -> {
                    latencies[index] = System.nanoTime() - due;
                    if (result.failed() || result.result() != 200) {
                        failed[0]++;
                    }
                    finished.countDown();
                }));
            }
            if (!finished.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("open loop did not finish");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return String.format("%-26s at %d req/s offered (%d connections): achieved %.0f req/s, p50 %.2f ms,"
                            + " p99 %.2f ms, max %.2f ms, failed %d", name, RATE, OPEN_LOOP_CONNECTIONS,
                    count / seconds, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 1.0), failed[0]);
        }

        @Override
        public void close() throws Exception {
            http.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
