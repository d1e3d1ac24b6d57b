package nl.zorgpad.system;

import io.restassured.RestAssured;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.process.Folders;
import nl.zorgpad.stack.process.Ports;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system under test, once for all scenario classes. By default the whole system is started here (fresh data
 * under target/system, random ports, demo profile, the same local-stack code as deploy/run) and stopped when the
 * test run ends, also when a scenario fails.
 *
 * <p>Or an existing deployment, given by URLs: {@code -Dzorgpad.system.keycloak-url=... -Dzorgpad.system.pathway-url=...
 * -Dzorgpad.system.referral-url=... -Dzorgpad.system.notification-url=...}, and for the browser tests
 * {@code -Dzorgpad.system.console-url=...} (without it they are skipped). It must run the demo realm and demo data
 * and accept http webhooks on this machine (the demo profile); the failure scenarios, which stop and kill parts of
 * the system, are skipped there.
 */
public final class RunningSystem implements BeforeAllCallback {

    private static final String EXTERNAL = "zorgpad.system.";

    private static final Path DATA = Path.of("target", "system").toAbsolutePath();

    private static LocalSystem system;
    private static Map<ZorgpadService, String> externalUrls;
    private static String externalConsoleUrl;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSystem.class,
                key -> start(), ExtensionContext.Store.CloseableResource.class);
    }

    private static ExtensionContext.Store.CloseableResource start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        String keycloak = System.getProperty(EXTERNAL + "keycloak-url");
        if (keycloak != null) {
            System.setProperty(DemoTokens.KEYCLOAK_URL_PROPERTY, keycloak);
            externalUrls = new EnumMap<>(ZorgpadService.class);
            for (ZorgpadService service : ZorgpadService.values()) {
                String property = EXTERNAL + service.module().replace("-service", "") + "-url";
                String url = System.getProperty(property);
                if (url == null) {
                    throw new IllegalStateException(property + " is required with " + EXTERNAL + "keycloak-url");
                }
                externalUrls.put(service, url.replaceAll("/+$", ""));
            }
            String console = System.getProperty(EXTERNAL + "console-url");
            externalConsoleUrl = console == null ? null : console.replaceAll("/+$", "");
            return () -> {
                externalUrls = null;
                externalConsoleUrl = null;
            };
        }
        Path data = DATA;
        SystemFolderLock folderLock = SystemFolderLock.take(data);
        Folders.deleteRecursively(data);
        Path projectRoot = Path.of(System.getProperty("zorgpad.project.root", "../..")).toAbsolutePath().normalize();
        try {
            system = LocalSystem.start(StackLayout.locate(), projectRoot, data, LocalStack.StackPorts.random(),
                    LocalSystem.randomServicePorts(), java.util.EnumSet.allOf(ZorgpadService.class), Ports.free(),
                    "demo", line -> System.out.println("[system] " + line));
        } catch (RuntimeException e) {
            folderLock.close();
            throw e;
        }
        return () -> {
            try {
                system.close();
                system = null;
            } finally {
                folderLock.close();
            }
        };
    }

    public static String url(ZorgpadService service) {
        return externalUrls != null ? externalUrls.get(service) : system.url(service);
    }

    /** The console's address, or null on a given deployment without {@code zorgpad.system.console-url}. */
    public static String consoleUrl() {
        return externalUrls != null ? externalConsoleUrl : system.consoleUrl();
    }

    /** The log file of a module ({@code referral-service}, {@code console}) of the locally started system. */
    static Path logOf(String module) {
        return DATA.resolve("logs").resolve(module + ".log");
    }

    /** Starts one more replica of a service of the locally started system on a free port; returns its address. */
    static String addReplica(ZorgpadService service, Map<String, String> settings) {
        return system().addReplica(service, Ports.free(), settings);
    }

    /** The locally started system, for scenarios that stop or kill parts of it; skips them on a given deployment. */
    static LocalSystem system() {
        Assumptions.assumeTrue(system != null, "needs the system started by the tests (it stops and kills parts)");
        return system;
    }

    /**
     * A connection to one service's database ({@code pathway}, {@code referral}, {@code notification}) of the
     * locally started system, as its superuser: for what a scenario must see or change behind the services' backs.
     */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(system().stack().jdbcUrl(name), "postgres", "postgres");
    }
}
