package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Steady load on the whole system as deploy/run starts it: one practice (anna's) refers a new family at a fixed rate
 * for many minutes, open loop (a request leaves at its planned moment whether or not the earlier ones were answered,
 * and its latency counts from that moment). It prints the answers by status, the latency percentiles and the resident
 * memory and committed heap of each service every minute, and fails unless every create was answered 2xx and the
 * district team's inbox holds exactly one "referral.requested" item for each referral created.
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl deploy/system-tests -Dsoak.rate=100 -Dsoak.minutes=30</pre>
 */
@Tag("benchmark")
@ExtendWith(RunningSystem.class)
class SoakBenchmark {

    private static final int RATE = Integer.getInteger("soak.rate", 100);
    private static final int MINUTES = Integer.getInteger("soak.minutes", 30);
    private static final int WARM_UP_MINUTES = Integer.getInteger("soak.warm-up-minutes", 2);
    private static final String TEAM = "partner-wijkteam-smallingerland";
    private static final String HEAP_COMMITTED = "jvm_memory_committed_bytes{area=\"heap\"";
    private static final Pattern REFERRAL_ID = Pattern.compile("\"referralId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    private final LongAdder unanswered = new LongAdder();
    private final Queue<String> created = new ConcurrentLinkedQueue<>();
    private final AtomicInteger answered = new AtomicInteger();
    private long[] latencyMicros;

    @Test
    void holdsSteadyCreatesWithoutLosingOrDoublingAnything() throws Exception {
        LocalSystem local = RunningSystem.system();
        // A cold service does about 50 creates/s until the JIT has compiled its create path: the warm-up ramps the rate
        // up from zero, so the steady phase measures the warmed-up system; its answers count as well.
        long warmUpNanos = TimeUnit.MINUTES.toNanos(WARM_UP_MINUTES);
        int rampCreates = RATE * WARM_UP_MINUTES * 30;
        int total = rampCreates + RATE * MINUTES * 60;
        latencyMicros = new long[total];
        Arrays.fill(latencyMicros, -1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
        URI createUri = URI.create(local.url(ZorgpadService.REFERRAL) + "/api/referrals");
        System.out.printf("[soak] ramp to %d creates/s in %d min, then %d creates/s for %d min (%d creates in all), "
                + "one practice, a new family each%n", RATE, WARM_UP_MINUTES, RATE, MINUTES, total);
        // Written by the per-minute reporter and by this thread at the end.
        Map<String, String> memoryAt = Collections.synchronizedMap(new LinkedHashMap<>());
        memoryAt.put("at start", memory(local));
        System.out.println("[soak] memory at start: " + memoryAt.get("at start"));
        long start = System.nanoTime();
        AtomicLong sent = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newScheduledThreadPool(3);
        // Keeps anna's token fresh off the sending thread (the cache renews it after a minute).
        ticker.scheduleAtFixedRate(() -> DemoTokens.forUser("anna"), 0, 20, TimeUnit.SECONDS);
        ticker.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            for (long i = sent.get(); i < total && planned(i, rampCreates, warmUpNanos) <= now - start;
                 i = sent.incrementAndGet()) {
                try {
                    create(http, createUri, (int) i, start + planned(i, rampCreates, warmUpNanos));
                } catch (RuntimeException e) {
                    // A failure must not end the schedule (the executor would drop every later run silently).
                    unanswered.increment();
                    System.out.println("[soak] create " + i + " not sent: " + e);
                }
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(() -> {
            long minute = Math.round((System.nanoTime() - start) / 60e9);
            String now = memory(local);
            if (minute == WARM_UP_MINUTES) {
                memoryAt.put("after warm-up", now);
            }
            System.out.printf("[soak] minute %d: sent %d, answered %d, by status %s, %s%n",
                    minute, sent.get(), answered.get(), statusTotals(), now);
        }, 1, 1, TimeUnit.MINUTES);

        while (answered.get() + unanswered.intValue() < total
                && System.nanoTime() - start < warmUpNanos + TimeUnit.MINUTES.toNanos(MINUTES + 2)) {
            Thread.sleep(500);
        }
        ticker.shutdownNow();
        memoryAt.put("at the end", memory(local));
        int inboxItems = awaitInboxItems();

        // Latencies of the steady phase, from each request's planned moment.
        long[] latencies = Arrays.stream(latencyMicros, rampCreates, total).filter(micros -> micros >= 0).sorted()
                .toArray();
        System.out.printf("[soak] answers by status: %s; no answer: %d%n", statusTotals(), unanswered.sum());
        System.out.printf("[soak] latency ms at the steady rate: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                percentile(latencies, 99.9), latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1000.0);
        memoryAt.forEach((when, used) -> System.out.println("[soak] memory " + when + ": " + used));
        System.out.printf("[soak] referrals created: %d, inbox items of the team for them: %d%n",
                created.size(), inboxItems);

        assertEquals(Map.of(201, (long) total), statusTotals(), "every create answered 201");
        assertEquals(created.size(), inboxItems, "one inbox item per referral, none lost, none doubled");
    }

    /**
     * When request {@code i} is due, in nanoseconds after the start: during the ramp the rate grows evenly from 0 to
     * RATE (so the i-th request is due at sqrt(2 i W / RATE)), then it stays at RATE.
     */
    private static long planned(long i, int rampCreates, long warmUpNanos) {
        if (i < rampCreates) {
            return (long) Math.sqrt(2.0 * i * warmUpNanos / RATE * 1e9);
        }
        return warmUpNanos + (i - rampCreates) * 1_000_000_000L / RATE;
    }

    private void create(HttpClient http, URI uri, int index, long plannedNanos) {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + DemoTokens.forUser("anna"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Families.drachtenFamily("Soak " + index)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                unanswered.increment();
                if (unanswered.sum() <= 3) {
                    System.out.println("[soak] create " + index + " got no answer: " + failure);
                }
                return;
            }
            latencyMicros[index] = (System.nanoTime() - plannedNanos) / 1000;
            answered.incrementAndGet();
            statuses.computeIfAbsent(response.statusCode(), status -> new LongAdder()).increment();
            Matcher id = REFERRAL_ID.matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                created.add(id.group(1));
            }
        });
    }

    /** Waits until the team's inbox count for the created referrals stops growing (at most five minutes). */
    private int awaitInboxItems() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        int items = -1;
        int previous;
        do {
            Thread.sleep(2000);
            previous = items;
            items = inboxItems();
        } while ((items < created.size() || items != previous) && System.nanoTime() < deadline);
        return items;
    }

    /** Inbox items of the team for the created referrals; a doubled one counts twice. */
    private int inboxItems() throws SQLException {
        try (Connection connection = RunningSystem.database("notification");
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM inbox_item "
                     + "WHERE organisation_id = ? AND event_type = 'referral.requested' AND referral_id = ANY (?)")) {
            count.setString(1, TEAM);
            count.setArray(2, connection.createArrayOf("varchar", created.toArray()));
            ResultSet result = count.executeQuery();
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * Each service's RSS and committed heap in MiB. The heap tells a leak from the heap growing: Serial GC enlarges
     * the heap at a full collection to keep 40 % of it free, and the new part becomes resident only as the survivors
     * of later collections fill it, so RSS can climb for many minutes after the heap last grew.
     */
    private static String memory(LocalSystem local) {
        Map<ZorgpadService, Long> rss = new EnumMap<>(ZorgpadService.class);
        Map<ZorgpadService, Long> heap = new EnumMap<>(ZorgpadService.class);
        for (ZorgpadService service : ZorgpadService.values()) {
            rss.put(service, local.residentMebibytes(service));
            heap.put(service, committedHeapMebibytes(local.url(service)));
        }
        return "RSS " + rss + ", heap committed " + heap;
    }

    /** The committed heap from the service's Micrometer metrics (all heap pools together), -1 if unreadable. */
    private static long committedHeapMebibytes(String serviceUrl) {
        try {
            double bytes = Metrics.values(Metrics.scrape(serviceUrl), line -> line.startsWith(HEAP_COMMITTED)).sum();
            return Math.round(bytes / (1024 * 1024));
        } catch (RuntimeException | AssertionError e) {
            // Reported as -1 rather than ending the per-minute reporter, which would stop the minute lines.
            return -1;
        }
    }

    private Map<Integer, Long> statusTotals() {
        return statuses.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()));
    }

    private static double percentile(long[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
}
