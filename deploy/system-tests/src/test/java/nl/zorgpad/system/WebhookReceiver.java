package nl.zorgpad.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A practice's webhook endpoint, as an integrator would build it from openapi/README.md: verifies the Standard
 * Webhooks signature and keeps each webhook-id once.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final byte[] key;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret) {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
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
            if (received.stream().noneMatch(r -> r.id().equals(id))) {
                received.add(new Received(id, body, valid));
            }
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
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
