package nl.zorgpad.stack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.process.Ports;

/**
 * The whole system: the local stack plus the three services from their packaged jars. Used by deploy/run (standard
 * ports, demo profile) and by the end-to-end tests (random ports), which may also stop and start one service.
 */
public final class LocalSystem implements AutoCloseable {

    private final LocalStack stack;
    private final Path projectRoot;
    private final Path logs;
    private final String profile;
    private final Map<ZorgpadService, Integer> ports;
    private final Map<ZorgpadService, ServiceProcess> services = new EnumMap<>(ZorgpadService.class);
    private final Consumer<String> progress;

    private LocalSystem(LocalStack stack, Path projectRoot, Path logs, String profile,
                        Map<ZorgpadService, Integer> ports, Consumer<String> progress) {
        this.stack = stack;
        this.projectRoot = projectRoot;
        this.logs = logs;
        this.profile = profile;
        this.ports = ports;
        this.progress = progress;
    }

    /** Ports of the local run: 8081, 8082, 8083. */
    public static Map<ZorgpadService, Integer> standardServicePorts() {
        Map<ZorgpadService, Integer> ports = new EnumMap<>(ZorgpadService.class);
        for (ZorgpadService service : ZorgpadService.values()) {
            ports.put(service, service.localPort());
        }
        return ports;
    }

    public static Map<ZorgpadService, Integer> randomServicePorts() {
        Map<ZorgpadService, Integer> ports = new EnumMap<>(ZorgpadService.class);
        for (ZorgpadService service : ZorgpadService.values()) {
            ports.put(service, Ports.free());
        }
        return ports;
    }

    /**
     * Starts the stack and the {@code services} to run (the others are left to the developer, e.g. in quarkus:dev on
     * their standard port).
     */
    public static LocalSystem start(StackLayout layout, Path projectRoot, Path data, LocalStack.StackPorts stackPorts,
                                    Map<ZorgpadService, Integer> servicePorts, Set<ZorgpadService> services,
                                    String profile, Consumer<String> progress) {
        LocalStack stack = LocalStack.start(layout, data, stackPorts, progress);
        LocalSystem system = new LocalSystem(stack, projectRoot, data.resolve("logs"), profile, servicePorts, progress);
        try {
            long started = System.nanoTime();
            for (ZorgpadService service : services) {
                system.launch(service);
            }
            for (ZorgpadService service : services) {
                system.services.get(service).awaitReady(Duration.ofSeconds(180));
                progress.accept(service.module() + " ready in " + Math.round((System.nanoTime() - started) / 1e9)
                        + " s (" + system.url(service) + ")");
            }
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    public LocalStack stack() {
        return stack;
    }

    public String url(ZorgpadService service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Stops one service (a dead peer, a crash during retries). */
    public void stopService(ZorgpadService service) {
        ServiceProcess process = services.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Kills one service the hard way (SIGKILL), as a crash or an OOM kill would. */
    public void killService(ZorgpadService service) {
        ServiceProcess process = services.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    /** Starts a stopped service again on the same port and database, and waits until it is ready. */
    public void startService(ZorgpadService service) {
        launch(service).awaitReady(Duration.ofSeconds(180));
    }

    private ServiceProcess launch(ZorgpadService service) {
        progress.accept(service.module() + " starting on port " + ports.get(service) + "...");
        Map<String, String> config = new java.util.LinkedHashMap<>(stack.configFor(service));
        // Where each service finds the others (pathway-service for route resolution).
        config.put("quarkus.rest-client.pathway.url", url(ZorgpadService.PATHWAY));
        ServiceProcess process = ServiceProcess.start(service, ports.get(service), projectRoot, logs, config, profile);
        services.put(service, process);
        return process;
    }

    @Override
    public void close() {
        for (ZorgpadService service : ZorgpadService.values()) {
            stopService(service);
        }
        stack.close();
    }
}
