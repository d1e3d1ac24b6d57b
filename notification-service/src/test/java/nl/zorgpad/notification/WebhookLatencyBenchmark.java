package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.EVA_ORG;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.notification.delivery.WebhookSigner;
import nl.zorgpad.stack.testing.StackControls;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: referral events produced to Kafka at a steady rate, latency until the signed webhook
 * arrives at a local receiver. Tagged {@code benchmark}, so it runs only with the benchmark profile:
 *
 * <pre>./mvnw -B verify -Pbenchmark -pl notification-service</pre>
 *
 * Options: {@code -Dbenchmark.rate=100} (events/s), {@code -Dbenchmark.seconds=60}, {@code -Dbenchmark.warmup=30}.
 * The warm-up runs at the same rate and is not measured: the targets are about the running service, and the JIT
 * needs about half a minute of this load before the service reaches its steady state (with a 5-second warm-up the
 * p99 is several times higher, set by code still being compiled). Prints p50/p90/p99/max and writes them to
 * {@code target/benchmark-webhook-latency.txt}.
 */
@QuarkusTest
@Tag("benchmark")
class WebhookLatencyBenchmark {

    @TestHTTPResource("/api/inbox/stream")
    URI streamUri;

    @Test
    void producedToWebhookReceivedLatency() throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 100);
        int seconds = Integer.getInteger("benchmark.seconds", 60);
        int warmupSeconds = Integer.getInteger("benchmark.warmup", 30);
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = openInboxStream(pushedAt);

        try (WebhookReceiver receiver = WebhookReceiver.alwaysOk(); KafkaProducer<String, String> producer =
                producer()) {
            Api.as("eva").contentType(ContentType.JSON)
                    .body(Api.webhookSubscription(receiver.url(), WebhookSigner.newSecret(), "referral.requested"))
                    .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200);

            int total = rate * (seconds + warmupSeconds);
            int warmup = rate * warmupSeconds;
            List<Sent> measured = new ArrayList<>();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String referral = UUID.randomUUID().toString();
                String eventId = UUID.randomUUID().toString();
                long now = System.nanoTime();
                producer.send(new ProducerRecord<>(ReferralEvents.TOPIC, referral,
                        ReferralEvents.json(eventId, "referral.requested", referral, EVA_ORG, ANNA_ORG)));
                if (i >= warmup) {
                    measured.add(new Sent(eventId, referral, now));
                }
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && receiver.processedIds().size() < total) {
                Thread.sleep(200);
            }

            Map<String, Long> receivedAt = new ConcurrentHashMap<>();
            for (WebhookReceiver.Received r : receiver.requests()) {
                receivedAt.putIfAbsent(r.id(), r.receivedAtNanos());
            }
            List<Double> latencies = new ArrayList<>();
            int missing = 0;
            for (Sent sent : measured) {
                Long received = receivedAt.get(sent.eventId());
                if (received == null) {
                    missing++;
                } else {
                    latencies.add((received - sent.atNanos()) / 1_000_000.0);
                }
            }
            Collections.sort(latencies);
            List<Double> pushed = new ArrayList<>();
            for (Sent sent : measured) {
                Long at = pushedAt.get(sent.referralId());
                if (at != null) {
                    pushed.add((at - sent.atNanos()) / 1_000_000.0);
                }
            }
            Collections.sort(pushed);
            String report = """
                    produce -> webhook received, %d events/s for %d s after %d s warm-up (%d measured, %d missing)
                    p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (target p50 < 50 ms, p99 < 250 ms)
                    produce -> inbox item on the SSE stream (%d of the measured events): p50 %.1f ms, p99 %.1f ms
                    """.formatted(rate, seconds, warmupSeconds, latencies.size(), missing,
                    percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
                    latencies.isEmpty() ? Double.NaN : latencies.get(latencies.size() - 1),
                    pushed.size(), percentile(pushed, 50), percentile(pushed, 99));
            System.out.println("[benchmark] " + report);
            Files.writeString(Path.of("target", "benchmark-webhook-latency.txt"), report);
        } finally {
            stream.cancel(true);
            Api.as("eva").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + EVA_ORG);
        }
    }

    /** One measured event: its id, the referral it is about (one each), and when it was handed to the producer. */
    private record Sent(String eventId, String referralId, long atNanos) {
    }

    private CompletableFuture<HttpResponse<Stream<String>>> openInboxStream(Map<String, Long> pushedAt)
            throws InterruptedException {
        Pattern referralId = Pattern.compile("\"referralId\":\"([^\"]+)\"");
        AtomicBoolean connected = new AtomicBoolean();
        HttpRequest request = HttpRequest.newBuilder(streamUri)
                .header("Authorization", "Bearer " + DemoTokens.forUser("eva"))
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> {
            long now = System.nanoTime();
            if (line.contains("connected")) {
                connected.set(true);
            }
            Matcher m = referralId.matcher(line);
            if (line.startsWith("data:") && m.find()) {
                pushedAt.putIfAbsent(m.group(1), now);
            }
        }));
        for (int i = 0; i < 100 && !connected.get(); i++) {
            Thread.sleep(100);
        }
        return response;
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, StackControls.kafkaBootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }
}
