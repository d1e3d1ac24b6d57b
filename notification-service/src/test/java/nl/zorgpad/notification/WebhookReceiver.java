package nl.zorgpad.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real HTTP webhook receiver for tests: records every request, answers with a status chosen per call number,
 * and deduplicates on {@code webhook-id} like a well-behaved receiver.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String id, String timestamp, String signature, String body, long receivedAtNanos,
                           String traceparent) {
    }

    private final HttpServer server;
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Set<String> processedIds = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> duplicates = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile IntUnaryOperator statusForCall;
    private volatile long delayMillis;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    /** @param statusForCall the status to answer for call number n (1-based) */
    public WebhookReceiver(IntUnaryOperator statusForCall) {
        this.statusForCall = statusForCall;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(16));
        server.createContext("/hook", exchange -> {
            long now = System.nanoTime();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            inFlight.decrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = this.statusForCall.applyAsInt(calls.incrementAndGet());
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            requests.add(new Received(id, exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, now,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            if (status >= 200 && status < 300 && id != null && !processedIds.add(id)) {
                duplicates.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver alwaysOk() {
        return new WebhookReceiver(n -> 204);
    }

    /** Makes every answer take this long (a slow receiver). */
    public WebhookReceiver slow(long millis) {
        this.delayMillis = millis;
        return this;
    }

    /** The most requests this receiver ever had in progress at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public void answer(IntUnaryOperator statusForCall) {
        this.statusForCall = statusForCall;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    public List<Received> requestsFor(String webhookId) {
        return requests.stream().filter(r -> webhookId.equals(r.id())).toList();
    }

    /** Ids the receiver processed (answered 2xx to) at least once. */
    public Set<String> processedIds() {
        return Set.copyOf(processedIds);
    }

    public int duplicatesOf(String webhookId) {
        AtomicInteger count = duplicates.get(webhookId);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
