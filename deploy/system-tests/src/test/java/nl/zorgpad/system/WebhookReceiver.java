package nl.zorgpad.system;

import static io.restassured.RestAssured.given;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.zorgpad.stack.ZorgpadService;

/**
 * A webhook endpoint, as an integrator would build it from openapi/README.md: verifies the Standard Webhooks
 * signature and keeps each webhook-id once. It also records every attempt, so a scenario can prove that nothing
 * was sent again after it was accepted, and it can be told to fail for a while, as a receiver that is down.
 */
final class WebhookReceiver implements AutoCloseable {

    /** A webhook accepted once; {@code traceparent} is the W3C trace header of the call (null without tracing). */
    record Received(String id, String body, boolean signatureValid, String traceparent) {
    }

    /** One HTTP request as it arrived, with the status this receiver answered. */
    record Attempt(String id, String body, int answered) {
    }

    private final HttpServer server;
    private final String secret;
    private final byte[] key;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** A receiver with a fresh random secret, as an integrator would generate one. */
    WebhookReceiver() {
        this.key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean valid = verify(id, timestamp, body, signature);
            int status;
            if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else {
                status = valid ? 204 : 401;
                if (received.stream().noneMatch(r -> r.id().equals(id))) {
                    received.add(new Received(id, body, valid,
                            exchange.getRequestHeaders().getFirst("traceparent")));
                }
            }
            attempts.add(new Attempt(id, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /**
     * Registers this receiver as the one webhook of {@code organisation} (replacing its subscriptions), with the
     * organisation's own token, for the given event types.
     */
    void subscribe(String token, String organisation, String... eventTypes) {
        String types = Arrays.stream(eventTypes).map(type -> "\"" + type + "\"").collect(Collectors.joining(","));
        given().baseUri(RunningSystem.url(ZorgpadService.NOTIFICATION)).auth().oauth2(token)
                .contentType(ContentType.JSON)
                .body("""
                        {"webhooks":[{"url":"%s","secret":"%s","eventTypes":[%s]}],"emails":[]}"""
                        .formatted(url(), secret, types))
                .put("/api/subscriptions/" + organisation).then().statusCode(200);
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    /** Webhooks accepted (2xx), each webhook-id once, in the order they first arrived. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every request that arrived, duplicates and failures included. */
    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Answers the next {@code count} requests with 503, as a receiver that is down for a while. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    private boolean verify(String id, String timestamp, String body, String header) {
        if (id == null || timestamp == null || header == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Arrays.stream(header.split(" ")).filter(s -> s.startsWith("v1,"))
                    .anyMatch(s -> MessageDigest.isEqual(expected, Base64.getDecoder().decode(s.substring(3))));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
