package nl.zorgpad.stack.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgpad.stack.process.ChildProcess;
import nl.zorgpad.stack.process.Ports;

/**
 * One packaged Quarkus application (a service or the console, from its module's target/quarkus-app), run as a child
 * process of the run command.
 */
final class ServiceProcess implements AutoCloseable {

    private final int port;
    private final ChildProcess process;
    private final ClassDataArchive classData;

    private ServiceProcess(int port, ChildProcess process, ClassDataArchive classData) {
        this.port = port;
        this.process = process;
        this.classData = classData;
    }

    /** Heap limit of each service; the console holds no data and renders pages only. */
    static final String SERVICE_HEAP = "-Xmx384m";
    static final String CONSOLE_HEAP = "-Xmx128m";
    /** The heap a service starts with; it grows up to the limit as the load needs. */
    static final String INITIAL_HEAP = "-Xms48m";
    /**
     * Hands memory that malloc holds freed (the JIT compilers' arenas, mostly) back to the system every second, on
     * a thread of the JVM's own: 7-23 MiB less RSS per service after a load (docs/benchmarks/system.md).
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=1000";

    /**
     * Starts the packaged application of {@code module} on {@code port}; {@code name} names the process in progress
     * lines and its log file (the module, or e.g. referral-service-2 for a further replica).
     */
    static ServiceProcess start(String module, String name, String maxHeap, JvmOptions jvm, int port,
                                Path projectRoot, Path logFolder, Map<String, String> config, String profile) {
        Path application = projectRoot.resolve(module).resolve("target/quarkus-app");
        Path jar = application.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Ports.requireFree(port, module);
        // SerialGC: on two cores G1's concurrent work put 20-25 ms into resolve's p99 where Serial stays under
        // 10 ms (docs/benchmarks/pathway-service.md); it is also what the JVM picks itself in a 512 MiB container.
        // A small initial heap: by default the JVM commits 1/64 of the machine's memory (384 MiB here) at once and
        // a service fills it with garbage before its first collection; from 48 MiB the heap grows to what the load
        // needs. Two malloc arenas instead of eight per core: the JVM's own threads gain nothing from more, and
        // each arena keeps freed memory resident. Together about 100 MiB less RSS (docs/benchmarks/system.md).
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        ClassDataArchive classData = ClassDataArchive.of(application, port);
        Map<String, String> environment = Map.of();
        if (jvm == JvmOptions.TUNED) {
            command.addAll(List.of(INITIAL_HEAP, maxHeap, "-XX:+UseSerialGC", TRIM_NATIVE_HEAP));
            command.addAll(classData.jvmOptions());
            environment = Map.of("MALLOC_ARENA_MAX", "2");
        }
        command.addAll(List.of("-Dquarkus.profile=" + profile, "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess process = ChildProcess.start(name, command, projectRoot.resolve(module),
                environment, logFolder.resolve(name + ".log"));
        return new ServiceProcess(port, process, classData);
    }

    void awaitReady(Duration timeout) {
        process.awaitReady(timeout, () -> status(url() + "/q/health/ready", null) == 200);
    }

    long residentMebibytes() {
        return process.residentMebibytes();
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The HTTP status of a GET, with a bearer token or without (-1 when the service does not answer). */
    static int status(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Removes the class-data archive of a packaged application, for the current JDK: its next start trains one
     * anew. For the warm-up benchmark, to train an archive on a load instead of on a start alone.
     */
    static void discardClassData(String module, Path projectRoot) {
        ClassDataArchive.of(projectRoot.resolve(module).resolve("target/quarkus-app"), 0).discard();
    }

    /** Kills the service with SIGKILL: no shutdown hooks, in-flight work is cut off as in a crash. */
    public void kill() {
        process.kill();
        classData.discardTraining();
    }

    @Override
    public void close() {
        // A training JDK 25 writes its ahead-of-time cache on the way out, in a JVM of its own: give it the time.
        if (process.stop(Duration.ofSeconds(classData.trains() ? 90 : 20))) {
            classData.keepTraining();
        } else {
            classData.discardTraining();
        }
    }
}
