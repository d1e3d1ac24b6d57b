package nl.zorgpad.stack.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.process.ChildProcess;
import nl.zorgpad.stack.process.Ports;

/**
 * A real Kafka broker in KRaft mode (broker and controller in one node), run as {@code kafka.Kafka} in its own JVM
 * with the jars this module's build copied into the stack's lib folder. Its log folder survives a restart, so a stop
 * and start of the broker keeps every topic and offset, as in an outage.
 */
public final class KafkaBroker implements AutoCloseable {

    private final StackLayout layout;
    private final Path folder;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    public KafkaBroker(StackLayout layout, Path folder, int port, int controllerPort) {
        this.layout = layout;
        this.folder = folder;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Ports.requireFree(port, "Kafka");
        Path config = writeConfig();
        if (!Files.exists(folder.resolve("logs/meta.properties"))) {
            ChildProcess.runToCompletion("kafka-storage-format",
                    java("kafka.tools.StorageTool", "format", "--cluster-id=" + newClusterId(), "-c", config.toString()),
                    folder, folder.resolve("kafka-format.log"), Duration.ofSeconds(60));
        }
        try {
            startBroker(config);
        } catch (ChildProcess.ExitedWhileStarting e) {
            // Seen once in CI: the broker ended with exit 1 right after logging its configuration, and left no
            // other trace. Every other start on the same code succeeded, so one more attempt is made, saying why.
            System.err.println("Kafka ended while starting; starting it once more. " + e.getMessage());
            startBroker(config);
        }
    }

    private void startBroker(Path config) {
        process = ChildProcess.start("kafka", java("kafka.Kafka", config.toString()), folder, Map.of(),
                folder.resolve("kafka.log"));
        process.awaitReady(Duration.ofSeconds(240), () -> Ports.isListening(port) && logSaysStarted());
    }

    public synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private boolean logSaysStarted() {
        try {
            // Each start appends to the log, so look only at the newest start.
            String log = Files.readString(folder.resolve("kafka.log"), StandardCharsets.UTF_8);
            int lastStart = log.lastIndexOf("Starting controller");
            return lastStart >= 0 && log.indexOf("Kafka Server started", lastStart) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<String> java(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                "-cp", layout.libraries() + "/*", mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeConfig() {
        Path config = folder.resolve("server.properties");
        String properties = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + controllerPort,
                "listeners=PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + folder.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1",
                "");
        try {
            Files.createDirectories(folder);
            Files.writeString(config, properties, StandardCharsets.UTF_8);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A random KRaft cluster id. It is passed as {@code --cluster-id=<id>}: one id in 64 starts with '-', which
     * the tool's argument parser would otherwise take for an option (seen once as a failed start).
     */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
