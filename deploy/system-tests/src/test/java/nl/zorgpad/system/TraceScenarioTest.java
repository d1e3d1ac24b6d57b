package nl.zorgpad.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.GZIPInputStream;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace across the whole system: practice software sends its create with a W3C {@code traceparent}; the district
 * team's webhook call, made by notification-service after the outbox, Kafka and a queued delivery, carries the same
 * trace id, and every service exported spans of that trace to the OTLP collector (here a receiver of OTLP over HTTP
 * that keeps what it gets). The services run with tracing switched on at run time, as an operator would, for this
 * class only.
 */
@ExtendWith(RunningSystem.class)
@Order(36)
class TraceScenarioTest {

    private static final String TEAM = "partner-wijkteam-smallingerland";

    private static HttpServer collector;
    private static final List<byte[]> exported = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void tracingOn() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                exported.add((gzip ? new GZIPInputStream(body) : body).readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Map<String, String> tracing = Map.of(
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint",
                "http://localhost:" + collector.getAddress().getPort(),
                "quarkus.otel.bsp.schedule.delay", "200ms");
        LocalSystem local = RunningSystem.system();
        for (ZorgpadService service : ZorgpadService.values()) {
            local.stopService(service);
            local.startService(service, tracing);
        }
    }

    @AfterAll
    static void tracingOff() {
        LocalSystem local = RunningSystem.system();
        for (ZorgpadService service : ZorgpadService.values()) {
            local.stopService(service);
            local.startService(service);
        }
        collector.stop(0);
    }

    @Test
    void theWebhookCallAndEveryServicesSpansBelongToThePracticesTrace() throws Exception {
        try (WebhookReceiver teamSystem = new WebhookReceiver()) {
            teamSystem.subscribe(DemoTokens.forUser("daan"), TEAM, "referral.requested");
            byte[] traceId = new byte[16];
            ThreadLocalRandom.current().nextBytes(traceId);
            String traceHex = HexFormat.of().formatHex(traceId);
            // Sampled (flags 01), as a practice system that traces its own calls sends it.
            String traceparent = "00-" + traceHex + "-0102030405060708-01";

            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(RunningSystem.url(ZorgpadService.REFERRAL) + "/api/referrals"))
                    .header("Authorization", "Bearer " + DemoTokens.forUser("anna"))
                    .header("Content-Type", "application/json")
                    .header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString(Families.drachtenFamily("Trace Family")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            String referralId = created.body().replaceAll("(?s).*\"referralId\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> teamSystem.received().stream().anyMatch(r -> r.body().contains(referralId)));
            WebhookReceiver.Received call = teamSystem.received().stream()
                    .filter(r -> r.body().contains(referralId)).findFirst().orElseThrow();
            assertTrue(call.traceparent() != null && call.traceparent().startsWith("00-" + traceHex + "-"),
                    "the webhook call continues the practice's trace: " + call.traceparent());

            // Each service exports its own spans of the trace, with its name as the resource's service.name.
            for (ZorgpadService service : ZorgpadService.values()) {
                await().atMost(Duration.ofSeconds(30)).until(() -> exported.stream().anyMatch(
                        batch -> contains(batch, traceId) && contains(batch, service.module().getBytes(
                                StandardCharsets.UTF_8))));
            }
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
