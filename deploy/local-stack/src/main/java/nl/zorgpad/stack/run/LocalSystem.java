package nl.zorgpad.stack.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.postgres.PostgresServer;
import nl.zorgpad.stack.process.Ports;

/**
 * The whole system: the local stack plus the three services and the console from their packaged jars. Used by
 * deploy/run (standard ports, demo profile) and by the end-to-end and browser tests (random ports), which may also
 * stop and start one service, or run further replicas of a service beside the first.
 */
public final class LocalSystem implements AutoCloseable {

    /** The console's module, also its name in progress lines and logs. */
    public static final String CONSOLE = "console";

    /** The console's port in the local run. */
    public static final int CONSOLE_PORT = 8080;

    private final LocalStack stack;
    private final Path projectRoot;
    private final Path logs;
    private final String profile;
    private final Map<ZorgpadService, Integer> ports;
    private final Map<ZorgpadService, ServiceProcess> services = new EnumMap<>(ZorgpadService.class);
    private final Map<ZorgpadService, List<ServiceProcess>> furtherReplicas = new EnumMap<>(ZorgpadService.class);
    private final Map<ZorgpadService, JvmOptions> jvmOptions = new EnumMap<>(ZorgpadService.class);
    private final Consumer<String> progress;
    private Integer consolePort;
    private ServiceProcess console;

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
     * their standard port), and the console on {@code consolePort} unless that is null.
     */
    public static LocalSystem start(StackLayout layout, Path projectRoot, Path data, LocalStack.StackPorts stackPorts,
                                    Map<ZorgpadService, Integer> servicePorts, Set<ZorgpadService> services,
                                    Integer consolePort, String profile, Consumer<String> progress) {
        LocalStack stack = LocalStack.start(layout, data, stackPorts, PostgresServer.Durability.DURABLE, progress);
        LocalSystem system = new LocalSystem(stack, projectRoot, data.resolve("logs"), profile, servicePorts, progress);
        system.consolePort = consolePort;
        try {
            long started = System.nanoTime();
            for (ZorgpadService service : services) {
                system.launch(service);
            }
            if (consolePort != null) {
                system.launchConsole();
            }
            for (ZorgpadService service : services) {
                system.services.get(service).awaitReady(Duration.ofSeconds(180));
                progress.accept(service.module() + " ready in " + Math.round((System.nanoTime() - started) / 1e9)
                        + " s (" + system.url(service) + ")");
            }
            if (consolePort != null) {
                system.console.awaitReady(Duration.ofSeconds(180));
                progress.accept(CONSOLE + " ready in " + Math.round((System.nanoTime() - started) / 1e9) + " s ("
                        + system.consoleUrl() + ")");
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

    /** The console's address (port 8080 in the local run), or null when it was not started. */
    public String consoleUrl() {
        return consolePort == null ? null : "http://localhost:" + consolePort;
    }

    /** Stops the console and starts it again; the time from launch until it answered ready (for the benchmark). */
    public Duration restartConsole() {
        console.close();
        long started = System.nanoTime();
        launchConsole();
        console.awaitReady(Duration.ofSeconds(180));
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Stops a service and starts it again with the given JVM options (kept for its later starts); the time from
     * launch until it answered ready, for the start and memory benchmark.
     */
    public Duration restartService(ZorgpadService service, JvmOptions options) {
        stopService(service);
        jvmOptions.put(service, options);
        long started = System.nanoTime();
        startService(service);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Stops a service, removes its class-data archive and starts it again: this start trains a new archive from
     * what the service does until its next stop (the warm-up benchmark trains it on creates).
     */
    public void retrainService(ZorgpadService service) {
        stopService(service);
        ServiceProcess.discardClassData(service.module(), projectRoot);
        startService(service);
    }

    /** The console's resident memory in MiB. */
    public long consoleResidentMebibytes() {
        return console.residentMebibytes();
    }

    /** A running service's resident memory in MiB. */
    public long residentMebibytes(ZorgpadService service) {
        return services.get(service).residentMebibytes();
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
        startService(service, Map.of());
    }

    /** As {@link #startService(ZorgpadService)}, with settings that differ from the run's (e.g. a job's interval). */
    public void startService(ZorgpadService service, Map<String, String> settings) {
        ServiceProcess process = launch(service, ports.get(service), service.module(), settings);
        services.put(service, process);
        process.awaitReady(Duration.ofSeconds(180));
    }

    /**
     * Starts one more replica of a running service on {@code port}: the same database, broker, realm and settings,
     * as a second pod behind the same Kubernetes Service would run. Its log is {@code <module>-<n>.log}, n counting
     * from 2. Waits until it is ready and returns its address.
     */
    public String addReplica(ZorgpadService service, int port, Map<String, String> settings) {
        List<ServiceProcess> replicas = furtherReplicas.computeIfAbsent(service, key -> new ArrayList<>());
        String name = service.module() + "-" + (replicas.size() + 2);
        long started = System.nanoTime();
        ServiceProcess process = launch(service, port, name, settings);
        replicas.add(process);
        process.awaitReady(Duration.ofSeconds(180));
        progress.accept(name + " ready in " + Math.round((System.nanoTime() - started) / 1e9) + " s ("
                + process.url() + ")");
        return process.url();
    }

    /** The addresses of the further replicas of a service, in the order they were added. */
    public List<String> replicaUrls(ZorgpadService service) {
        return furtherReplicas.getOrDefault(service, List.of()).stream().map(ServiceProcess::url).toList();
    }

    /** Stops every further replica of a service; the first keeps running. */
    public void stopReplicas(ZorgpadService service) {
        List<ServiceProcess> replicas = furtherReplicas.remove(service);
        if (replicas != null) {
            replicas.forEach(ServiceProcess::close);
        }
    }

    private ServiceProcess launch(ZorgpadService service) {
        ServiceProcess process = launch(service, ports.get(service), service.module(), Map.of());
        services.put(service, process);
        return process;
    }

    private ServiceProcess launch(ZorgpadService service, int port, String name, Map<String, String> settings) {
        progress.accept(name + " starting on port " + port + "...");
        Map<String, String> config = new java.util.LinkedHashMap<>(stack.configFor(service));
        // Where referral-service finds pathway-service (route resolution) and under which address its events name
        // FHIR Tasks, and where the links in notification e-mails lead (the console's referral page). Each service
        // gets only its own: Quarkus warns at start about a setting of an extension the service does not have.
        if (service == ZorgpadService.REFERRAL) {
            config.put("quarkus.rest-client.pathway.url", url(ZorgpadService.PATHWAY));
            config.put("zorgpad.referral.fhir.base-url", url(ZorgpadService.REFERRAL) + "/fhir");
        }
        if (service == ZorgpadService.NOTIFICATION && consolePort != null) {
            config.put("zorgpad.notification.email.portal-url", consoleUrl());
        }
        config.putAll(settings);
        return ServiceProcess.start(service.module(), name, ServiceProcess.SERVICE_HEAP,
                jvmOptions.getOrDefault(service, JvmOptions.TUNED), port, projectRoot, logs, config, profile);
    }

    /** The console: no database of its own, only the realm and the three services' addresses. */
    private void launchConsole() {
        progress.accept(CONSOLE + " starting on port " + consolePort + "...");
        Map<String, String> config = new java.util.LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", stack.keycloakRealmUrl());
        config.put("quarkus.rest-client.pathway.url", url(ZorgpadService.PATHWAY));
        config.put("quarkus.rest-client.referral.url", url(ZorgpadService.REFERRAL));
        config.put("quarkus.rest-client.notification.url", url(ZorgpadService.NOTIFICATION));
        console = ServiceProcess.start(CONSOLE, CONSOLE, ServiceProcess.CONSOLE_HEAP, JvmOptions.TUNED, consolePort,
                projectRoot, logs, config, profile);
    }

    @Override
    public void close() {
        if (console != null) {
            console.close();
            console = null;
        }
        for (ZorgpadService service : ZorgpadService.values()) {
            stopReplicas(service);
            stopService(service);
        }
        stack.close();
    }
}
