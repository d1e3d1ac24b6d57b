package nl.zorgpad.system;

import io.restassured.RestAssured;
import java.nio.file.Path;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.process.Folders;
import nl.zorgpad.stack.run.LocalSystem;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole system once for all scenario classes (fresh data under target/system, random ports, demo
 * profile) and stops it when the test run ends, also when a scenario fails.
 */
public final class RunningSystem implements BeforeAllCallback {

    private static LocalSystem system;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(RunningSystem.class,
                key -> start(), ExtensionContext.Store.CloseableResource.class);
    }

    private static ExtensionContext.Store.CloseableResource start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path data = Path.of("target", "system").toAbsolutePath();
        Folders.deleteRecursively(data);
        Path projectRoot = Path.of(System.getProperty("zorgpad.project.root", "../..")).toAbsolutePath().normalize();
        system = LocalSystem.start(StackLayout.locate(), projectRoot, data, LocalStack.StackPorts.random(),
                LocalSystem.randomServicePorts(), java.util.EnumSet.allOf(ZorgpadService.class), "demo", line -> System.out.println("[system] " + line));
        return () -> {
            system.close();
            system = null;
        };
    }

    static String url(ZorgpadService service) {
        return system.url(service);
    }

    static LocalSystem system() {
        return system;
    }
}
