package nl.zorgpad.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Creates per second with one instance of each service, then with two, in the same run: closed-loop clients create
 * new families (each create resolves at pathway-service and is consumed by notification-service), first all against
 * the one referral-service, then spread over both replicas in turn, as a Kubernetes Service would. Each phase runs
 * after a warm-up of the same length on the instances it measures. Prints creates/s and latency percentiles.
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl deploy/system-tests -Dtest=ReplicaThroughputBenchmark
 *     -Dreplicas.seconds=60 -Dreplicas.connections=8</pre>
 */
@Tag("benchmark")
@ExtendWith(RunningSystem.class)
class ReplicaThroughputBenchmark {

    private static final int SECONDS = Integer.getInteger("replicas.seconds", 60);
    private static final int CONNECTIONS = Integer.getInteger("replicas.connections", 8);
    private static final AtomicInteger FAMILY = new AtomicInteger();

    private record Phase(int creates, int failed, double seconds, long[] sortedMicros) {
        String line() {
            return String.format("%d creates in %.1f s: %.1f creates/s; latency ms p50 %.1f, p99 %.1f, max %.1f;"
                            + " failed %d", creates, seconds, creates / seconds, percentile(50), percentile(99),
                    percentile(100), failed);
        }

        double percentile(double percent) {
            if (sortedMicros.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(percent / 100 * sortedMicros.length) - 1;
            return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
        }
    }

    @Test
    void comparesOneInstanceOfEachServiceWithTwo() throws Exception {
        LocalSystem local = RunningSystem.system();
        List<String> one = List.of(local.url(ZorgpadService.REFERRAL));
        run(one);
        Phase single = run(one);
        System.out.println("[replicas] one of each service: " + single.line());

        for (ZorgpadService service : ZorgpadService.values()) {
            RunningSystem.addReplica(service, Map.of());
        }
        List<String> two = List.of(local.url(ZorgpadService.REFERRAL),
                local.replicaUrls(ZorgpadService.REFERRAL).get(0));
        run(two);
        Phase pair = run(two);
        System.out.println("[replicas] two of each service: " + pair.line());
        System.out.printf("[replicas] two / one: %.2f%n",
                (pair.creates() / pair.seconds()) / (single.creates() / single.seconds()));
        for (ZorgpadService service : ZorgpadService.values()) {
            local.stopReplicas(service);
        }
        assertEquals(0, single.failed() + pair.failed(), "every create answered 201");
    }

    /** {@value #CONNECTIONS} clients create for {@link #SECONDS}, each client sending to the instances in turn. */
    private static Phase run(List<String> referralServices) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String anna = DemoTokens.forUser("anna");
        long started = System.nanoTime();
        long end = started + SECONDS * 1_000_000_000L;
        LongAdder failed = new LongAdder();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ClosedLoop.run(CONNECTIONS, client -> {
            for (int i = client; System.nanoTime() < end; i++) {
                String url = referralServices.get(i % referralServices.size()) + "/api/referrals";
                HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + anna).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Families.drachtenFamily("Throughput " + FAMILY.incrementAndGet())))
                        .build();
                long sent = System.nanoTime();
                try {
                    if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                        latencies.add((System.nanoTime() - sent) / 1000);
                    } else {
                        failed.increment();
                    }
                } catch (Exception e) {
                    failed.increment();
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Phase(sorted.length, failed.intValue(), seconds, sorted);
    }
}
