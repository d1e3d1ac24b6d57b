package nl.zorgpad.stack.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import nl.zorgpad.stack.LocalStack;

/**
 * Lets a test stop and start the running stack's Kafka broker (outage tests) and find its address.
 *
 * <p>Under {@code @QuarkusTest} the test resource and the test class may live in different class loaders, so they
 * cannot share a static field. The resource therefore serves two loopback-only HTTP endpoints and publishes their
 * port (and the broker's address) as plain string system properties, which every class loader sees.
 */
public final class StackControls {

    private static final String CONTROL_PORT = "zorgpad.stack.control-port";
    private static final String KAFKA_BOOTSTRAP = "zorgpad.stack.kafka-bootstrap-servers";

    private StackControls() {
    }

    public static HttpServer serve(LocalStack stack) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/kafka/stop", exchange -> answer(exchange, stack::stopKafka));
            server.createContext("/kafka/start", exchange -> answer(exchange, stack::startKafka));
            server.start();
            System.setProperty(CONTROL_PORT, String.valueOf(server.getAddress().getPort()));
            System.setProperty(KAFKA_BOOTSTRAP, stack.kafkaBootstrapServers());
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void stopKafka() {
        call("/kafka/stop");
    }

    public static void startKafka() {
        call("/kafka/start");
    }

    public static String kafkaBootstrapServers() {
        return System.getProperty(KAFKA_BOOTSTRAP);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, Runnable action) throws IOException {
        int status = 204;
        try {
            action.run();
        } catch (RuntimeException e) {
            status = 500;
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void call(String path) {
        String port = System.getProperty(CONTROL_PORT);
        if (port == null) {
            throw new IllegalStateException("The local stack is not running in this JVM");
        }
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
