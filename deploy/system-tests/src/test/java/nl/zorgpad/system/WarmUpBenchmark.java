package nl.zorgpad.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.JvmOptions;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How fast a freshly started system reaches its steady create rate: the three services are restarted as the run
 * command starts them (class-data archive, small first heap), then closed-loop clients create new families at once,
 * and the creates per 10-second window are printed from the first second on. The first minute against the last
 * half minute says how much of the JIT's warm-up a new replica still has to go through under load. Twice: first
 * with the archive being trained on that load, then from the archive it left (on JDK 25 and later the ahead-of-time
 * cache with the method profiles of the load; on JDK 17 the classes only). The JDK is the one Maven runs on.
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl deploy/system-tests -Dtest=WarmUpBenchmark -Dwarmup.seconds=150
 * JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B verify -Pbenchmark ...   (the same on JDK 25)</pre>
 */
@Tag("benchmark")
@ExtendWith(RunningSystem.class)
class WarmUpBenchmark {

    private static final int SECONDS = Integer.getInteger("warmup.seconds", 180);
    private static final int CONNECTIONS = Integer.getInteger("warmup.connections", 8);
    private static final int WINDOW_SECONDS = 10;
    /** Numbers the families of both runs, so that the second meets no open referral of the first (409). */
    private static final AtomicInteger FAMILY = new AtomicInteger();

    @Test
    void printsCreatesPerWindowFromAColdStart() throws Exception {
        LocalSystem local = RunningSystem.system();
        // First start: the archive of each service is trained on this very load, and written when it stops.
        for (ZorgpadService service : ZorgpadService.values()) {
            local.retrainService(service);
        }
        measure(local, "while training the archive");
        // Second start: from the archive trained on creates.
        for (ZorgpadService service : ZorgpadService.values()) {
            local.restartService(service, JvmOptions.TUNED);
        }
        measure(local, "from an archive trained on creates");
    }

    private static void measure(LocalSystem local, String start) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String anna = DemoTokens.forUser("anna");
        URI create = URI.create(local.url(ZorgpadService.REFERRAL) + "/api/referrals");
        AtomicLongArray perWindow = new AtomicLongArray(SECONDS / WINDOW_SECONDS + 1);
        LongAdder failed = new LongAdder();
        long started = System.nanoTime();
        long end = started + SECONDS * 1_000_000_000L;
        ClosedLoop.run(CONNECTIONS, client -> {
            while (System.nanoTime() < end) {
                HttpRequest request = HttpRequest.newBuilder(create)
                        .header("Authorization", "Bearer " + anna).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Families.drachtenFamily("Warm-up " + FAMILY.incrementAndGet())))
                        .build();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                        int window = (int) ((System.nanoTime() - started) / 1_000_000_000L / WINDOW_SECONDS);
                        perWindow.incrementAndGet(Math.min(window, perWindow.length() - 1));
                    } else {
                        failed.increment();
                    }
                } catch (Exception e) {
                    failed.increment();
                }
            }
        });
        List<String> rates = new ArrayList<>();
        int windows = SECONDS / WINDOW_SECONDS;
        for (int w = 0; w < windows; w++) {
            rates.add(String.format("%.0f", perWindow.get(w) / (double) WINDOW_SECONDS));
        }
        double firstMinute = sum(perWindow, 0, Math.min(6, windows)) / (Math.min(6, windows) * (double) WINDOW_SECONDS);
        int lastWindows = Math.min(3, windows);
        double steady = sum(perWindow, windows - lastWindows, windows) / (lastWindows * (double) WINDOW_SECONDS);
        System.out.printf("[warm-up] JDK %d, %s: creates/s per %d s from the start: %s%n",
                Runtime.version().feature(), start, WINDOW_SECONDS, rates);
        System.out.printf("[warm-up] JDK %d, %s: first minute %.0f creates/s, last %d s %.0f creates/s: %.2f;"
                        + " failed %d%n", Runtime.version().feature(), start, firstMinute, lastWindows * WINDOW_SECONDS,
                steady, firstMinute / steady, failed.sum());
    }

    private static long sum(AtomicLongArray counts, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += counts.get(i);
        }
        return sum;
    }
}
