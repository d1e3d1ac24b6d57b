package nl.zorgpad.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.JvmOptions;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Start time and resident memory of each service, with the JVM options the run command uses (heap limit, serial
 * collector, class-data archive) and with the JVM's defaults, side by side in one run. For each setup every service is
 * restarted alone (the others keep running) a few times, timed from launch until {@code /q/health/ready} answers
 * (polled every 250 ms); then a load run (new families through referral-service, which resolves at pathway-service
 * and is consumed by notification-service, plus inbox reads and route resolutions) and the resident memory of each
 * service after it.
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl deploy/system-tests -Dtest=StartAndFootprintBenchmark
 *     -Dfootprint.restarts=3 -Dfootprint.creates=2000</pre>
 */
@Tag("benchmark")
@ExtendWith(RunningSystem.class)
class StartAndFootprintBenchmark {

    private static final int RESTARTS = Integer.getInteger("footprint.restarts", 3);
    private static final int CREATES = Integer.getInteger("footprint.creates", 2000);
    private static final int CONNECTIONS = 8;
    /** Both by default; {@code -Dfootprint.setups=TUNED} measures only the run command's options. */
    private static final List<JvmOptions> SETUPS = java.util.Arrays.stream(
            System.getProperty("footprint.setups", "JVM_DEFAULTS,TUNED").split(",")).map(JvmOptions::valueOf).toList();
    /** Numbers the families of both load runs, so the second meets no open referral of the first (409). */
    private static final AtomicInteger FAMILY = new AtomicInteger();

    private record Measured(List<Duration> starts, long rssAfterStart, long rssAfterLoad) {
    }

    @Test
    void printsStartAndMemoryPerServiceForBothSetups() throws Exception {
        LocalSystem local = RunningSystem.system();
        Map<JvmOptions, Map<ZorgpadService, Measured>> results = new EnumMap<>(JvmOptions.class);
        for (JvmOptions options : SETUPS) {
            Map<ZorgpadService, List<Duration>> starts = new EnumMap<>(ZorgpadService.class);
            for (ZorgpadService service : ZorgpadService.values()) {
                // The first start after a build trains the class-data archive; it is not what a replica sees.
                local.restartService(service, options);
                List<Duration> times = new ArrayList<>();
                for (int i = 0; i < RESTARTS; i++) {
                    times.add(local.restartService(service, options));
                }
                starts.put(service, times);
                System.out.printf("[footprint] %s %s starts: %s%n", options, service.module(), seconds(times));
            }
            Map<ZorgpadService, Long> afterStart = rss(local);
            String load = load(local);
            Map<ZorgpadService, Long> afterLoad = rss(local);
            System.out.printf("[footprint] %s load: %s; RSS MiB after start %s, after load %s%n",
                    options, load, afterStart, afterLoad);
            // Time to look inside with jcmd (VM.native_memory, GC.heap_info) before the next setup or the end.
            Thread.sleep(Integer.getInteger("footprint.hold-seconds", 0) * 1000L);
            Map<ZorgpadService, Measured> measured = new EnumMap<>(ZorgpadService.class);
            for (ZorgpadService service : ZorgpadService.values()) {
                measured.put(service, new Measured(starts.get(service), afterStart.get(service),
                        afterLoad.get(service)));
            }
            results.put(options, measured);
        }
        System.out.println("[footprint] service | JVM defaults: start s / RSS MiB after start / after load"
                + " | as deploy/run: start s / RSS MiB after start / after load");
        for (ZorgpadService service : ZorgpadService.values()) {
            StringBuilder row = new StringBuilder("[footprint] " + service.module());
            for (JvmOptions options : List.of(JvmOptions.JVM_DEFAULTS, JvmOptions.TUNED)) {
                Measured measured = results.containsKey(options) ? results.get(options).get(service) : null;
                row.append(measured == null ? " | -" : String.format(" | %s / %d / %d", seconds(measured.starts()),
                        measured.rssAfterStart(), measured.rssAfterLoad()));
            }
            System.out.println(row);
        }
    }

    /** Creates, inbox reads and resolutions from {@value #CONNECTIONS} closed-loop clients; what they got. */
    private static String load(LocalSystem local) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger next = new AtomicInteger();
        LongAdder failed = new LongAdder();
        String anna = DemoTokens.forUser("anna");
        String daan = DemoTokens.forUser("daan");
        String resolve = """
                {"municipalityCode":"GM0090","signalTypes":["financial-debt","psychological"],"phase":"pregnancy",
                 "vulnerability":"vulnerable","clientAge":30,"urgency":"routine"}""";
        long started = System.nanoTime();
        ClosedLoop.run(CONNECTIONS, client -> {
            for (int i = next.getAndIncrement(); i < CREATES; i = next.getAndIncrement()) {
                List<HttpRequest> requests = new ArrayList<>(List.of(HttpRequest.newBuilder(
                                URI.create(local.url(ZorgpadService.REFERRAL) + "/api/referrals"))
                        .header("Authorization", "Bearer " + anna).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Families.drachtenFamily("Footprint " + FAMILY.incrementAndGet())))
                        .build()));
                if (i % 4 == 0) {
                    requests.add(HttpRequest.newBuilder(
                                    URI.create(local.url(ZorgpadService.NOTIFICATION) + "/api/inbox?size=20"))
                            .header("Authorization", "Bearer " + daan).GET().build());
                    requests.add(HttpRequest.newBuilder(
                                    URI.create(local.url(ZorgpadService.PATHWAY) + "/api/routes/resolve"))
                            .header("Authorization", "Bearer " + daan).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(resolve)).build());
                }
                for (HttpRequest request : requests) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() >= 300) {
                            failed.increment();
                        }
                    } catch (Exception e) {
                        failed.increment();
                    }
                }
            }
        });
        double elapsed = (System.nanoTime() - started) / 1e9;
        return String.format("%d creates in %.1f s (%.0f/s), %d non-2xx or failed", CREATES, elapsed,
                CREATES / elapsed, failed.sum());
    }

    private static Map<ZorgpadService, Long> rss(LocalSystem local) {
        Map<ZorgpadService, Long> rss = new EnumMap<>(ZorgpadService.class);
        for (ZorgpadService service : ZorgpadService.values()) {
            rss.put(service, local.residentMebibytes(service));
        }
        return rss;
    }

    private static String seconds(List<Duration> times) {
        return String.join(", ", times.stream().map(t -> String.format("%.2f", t.toMillis() / 1000.0)).toList());
    }
}
