package nl.zorgpad.stack.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
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
                releasedAfterFailure.set(awaitLogSays(folder, "Address already in use", Duration.ofSeconds(120)));
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

    /**
     * Waits until the broker's log says {@code words}, looking again each time the log folder changes (inotify on
     * Linux), and answers whether it did before {@code timeout}.
     */
    private static boolean awaitLogSays(Path folder, String words, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = folder.getFileSystem().newWatchService()) {
            folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!logSays(folder, words)) {
                WatchKey key = watcher.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (key == null) {
                    return false;
                }
                key.pollEvents();
                key.reset();
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
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
