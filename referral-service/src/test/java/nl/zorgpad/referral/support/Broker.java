package nl.zorgpad.referral.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Stops and starts the stack's Kafka broker through the loopback control endpoints the local stack publishes
 * (system properties zorgpad.stack.control-port and zorgpad.stack.kafka-bootstrap-servers). It talks HTTP instead of
 * calling nl.zorgpad.stack.testing.StackControls directly: referencing that class from a test loads it in the
 * application class loader, after which LocalStackTestResource (Quarkus class loader) can no longer call its
 * package-private serve method (IllegalAccessError at start-up).
 */
public final class Broker {

    private Broker() {
    }

    public static String bootstrapServers() {
        return System.getProperty("zorgpad.stack.kafka-bootstrap-servers");
    }

    public static void stop() {
        call("/kafka/stop");
    }

    public static void start() {
        call("/kafka/start");
    }

    private static void call(String path) {
        String port = System.getProperty("zorgpad.stack.control-port");
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 204) {
                throw new IllegalStateException(path + " failed: " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
