package nl.zorgpad.stack.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.process.Folders;

/**
 * The run command behind {@code deploy/run}: starts PostgreSQL, Kafka, Keycloak and the three services with demo
 * data, prints where everything is, and stops it all on Ctrl-C.
 *
 * <ul>
 *   <li>{@code --fresh}: throw away the data of earlier runs first.</li>
 *   <li>{@code --smoke}: on fresh data, check that every service answers a real token and refuses none, stop, and
 *       exit 0 or 1.</li>
 *   <li>{@code --without <service>}: leave that service (or {@code console}) out, to run it yourself
 *       ({@code ./mvnw quarkus:dev}).</li>
 *   <li>{@code --replicas <n>}: run n instances of each service, replica k on the standard port plus 10(k-1)
 *       (8091-8093 for the second), all on the same database, broker and realm, as replicas on a cluster.</li>
 * </ul>
 */
public final class RunCommand {

    /** The Quarkus profile that adds each service's demo data (never active in production). */
    static final String DEMO_PROFILE = "demo";

    /** Kept, so the level sticks: zonky's step-by-step INFO lines drown out our progress lines. */
    private static final Logger ZONKY_LOG = Logger.getLogger("io.zonky");

    private final List<AutoCloseable> running = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        ZONKY_LOG.setLevel(Level.WARNING);
        List<String> options = List.of(args);
        boolean smoke = options.contains("--smoke");
        boolean fresh = smoke || options.contains("--fresh");
        Set<ZorgpadService> services = EnumSet.allOf(ZorgpadService.class);
        boolean console = true;
        int replicas = 1;
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).equals("--replicas") && i + 1 < options.size()) {
                replicas = Integer.parseInt(options.get(i + 1));
            }
            if (options.get(i).equals("--without") && i + 1 < options.size()) {
                String left = options.get(i + 1);
                if (left.equals(LocalSystem.CONSOLE)) {
                    console = false;
                } else {
                    services.remove(ZorgpadService.byModule(left));
                }
            }
        }
        System.exit(new RunCommand().run(fresh, smoke, services, console, replicas));
    }

    private int run(boolean fresh, boolean smoke, Set<ZorgpadService> services, boolean console, int replicas)
            throws InterruptedException {
        StackLayout layout = StackLayout.locate();
        Path projectRoot = Path.of(System.getProperty("zorgpad.project.root", ".")).toAbsolutePath().normalize();
        Path data = layout.home().resolve(smoke ? "smoke" : "data");
        if (fresh) {
            Folders.deleteRecursively(data);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-zorgpad"));
        long started = System.nanoTime();
        try {
            LocalSystem system = LocalSystem.start(layout, projectRoot, data, LocalStack.StackPorts.standard(),
                    LocalSystem.standardServicePorts(), services, console ? LocalSystem.CONSOLE_PORT : null,
                    DEMO_PROFILE, RunCommand::progress);
            running.add(system);
            for (int replica = 2; replica <= replicas; replica++) {
                for (ZorgpadService service : services) {
                    system.addReplica(service, service.localPort() + 10 * (replica - 1), Map.of());
                }
            }
            int components = 3 + services.size() * replicas + (console ? 1 : 0);
            progress("All " + components + " components ready in " + seconds(started) + " s (logs in "
                    + data.resolve("logs") + ")");
            if (smoke) {
                return SmokeCheck.run(system) ? 0 : 1;
            }
            Welcome.print(system);
            new CountDownLatch(1).await();
            return 0;
        } catch (RuntimeException e) {
            System.err.println("[zorgpad] FAILED: " + e.getMessage());
            return 1;
        } finally {
            stopAll();
        }
    }

    private synchronized void stopAll() {
        if (running.isEmpty()) {
            return;
        }
        progress("Stopping...");
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                System.err.println("[zorgpad] could not stop cleanly: " + e.getMessage());
            }
        }
        running.clear();
        progress("Stopped; nothing left running.");
    }

    static void progress(String line) {
        System.out.println("[zorgpad] " + line);
    }

    private static long seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e9);
    }

    /** Demo users: their password is their user name (demo realm only). */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"anna", "midwife", "Verloskundigenpraktijk De Wieken (Drachten)"},
            new String[] {"bea", "midwife", "Verloskundigenpraktijk Het Anker (Heerenveen)"},
            new String[] {"daan", "district-team", "Sociaal Wijkteam Smallingerland"},
            new String[] {"eva", "district-team", "Gebiedsteam Opsterland"},
            new String[] {"rik", "district-team", "Rookvrije Start coaching (a receiving programme)"},
            new String[] {"vera", "vsv-admin", "VSV Zuidoost-Friesland"},
            new String[] {"wim", "vsv-admin", "VSV Heerenveen e.o."},
            new String[] {"pim", "privacy-officer", "Zorgpad privacy office"},
            new String[] {"tess", "district-team", "Sociaal Wijkteam Smallingerland, with a one-time code (TOTP)"});

}
