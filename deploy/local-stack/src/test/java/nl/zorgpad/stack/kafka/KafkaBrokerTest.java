package nl.zorgpad.stack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.process.Ports;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    /**
     * The broker's controller port is taken when it starts, so the first broker process ends with "Address already in
     * use"; the port is given back as soon as its log says so, and the second attempt must come up.
     */
    @Test
    void aBrokerThatEndsWhileStartingIsStartedOnceMore() throws Exception {
        Path folder = Path.of("target", "kafka-broker-test").toAbsolutePath();
        deleteRecursively(folder);
        Files.createDirectories(folder);
        int port = Ports.free();
        int controllerPort = Ports.free();
        AtomicBoolean releasedAfterFailure = new AtomicBoolean();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), controllerPort));
            Thread release = new Thread(() -> {
                long giveUpAt = System.nanoTime() + 120_000_000_000L;
                while (System.nanoTime() < giveUpAt && !logSays(folder, "Address already in use")) {
                    sleep(20);
                }
                releasedAfterFailure.set(logSays(folder, "Address already in use"));
                close(squatter);
            });
            release.setDaemon(true);
            release.start();
            try (KafkaBroker broker = new KafkaBroker(StackLayout.locate(), folder, port, controllerPort)) {
                broker.start();
                assertTrue(broker.isRunning());
                assertTrue(Ports.isListening(port));
                assertTrue(releasedAfterFailure.get(), "the first attempt failed on the taken port");
                assertEquals(2, occurrences(Files.readString(folder.resolve("kafka.log"), StandardCharsets.UTF_8),
                        "Starting controller"), "two broker processes were started");
            }
            release.join(5_000);
        }
        assertFalse(Ports.isListening(port), "the broker stopped");
    }

    private static boolean logSays(Path folder, String words) {
        try {
            return Files.readString(folder.resolve("kafka.log"), StandardCharsets.UTF_8).contains(words);
        } catch (IOException e) {
            return false;
        }
    }

    private static int occurrences(String text, String words) {
        int count = 0;
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            count++;
        }
        return count;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a listening socket that is already closed: nothing to do
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
