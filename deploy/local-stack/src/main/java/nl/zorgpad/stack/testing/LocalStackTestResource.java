package nl.zorgpad.stack.testing;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.stack.LocalStack;
import nl.zorgpad.stack.StackLayout;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.postgres.PostgresServer.Durability;

/**
 * Starts the real stack (fresh, on random ports, in a new folder under the module's {@code target/local-stack})
 * for a service's
 * {@code @QuarkusTest}s and hands the service its configuration. Use it once per module:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = LocalStackTestResource.class, restrictToAnnotatedClass = false,
 *     initArgs = &#64;ResourceArg(name = LocalStackTestResource.SERVICE, value = "referral-service"))
 * </pre>
 *
 * Tests reach the stack through {@link StackControls} and tokens through
 * {@link nl.zorgpad.stack.keycloak.DemoTokens}.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "service";
    /** System property: true for durable commits (the benchmarks), otherwise fsync is off to spare the tests. */
    public static final String DURABLE = "zorgpad.stack.durable";

    private ZorgpadService service;
    private LocalStack stack;
    private HttpServer controls;

    @Override
    public void init(Map<String, String> initArgs) {
        service = ZorgpadService.byModule(initArgs.getOrDefault(SERVICE, ""));
    }

    @Override
    public Map<String, String> start() {
        // A folder per start: Quarkus may start the resources of two test profiles at the same time.
        Path folder = Path.of("target", "local-stack", "stack-" + UUID.randomUUID().toString().substring(0, 8))
                .toAbsolutePath();
        stack = LocalStack.start(StackLayout.locate(), folder, LocalStack.StackPorts.random(),
                Boolean.getBoolean(DURABLE) ? Durability.DURABLE : Durability.CRASH_UNSAFE_FOR_TESTS,
                line -> System.out.println("[local-stack] " + line));
        controls = StackControls.serve(stack);
        return stack.configFor(service);
    }

    @Override
    public void stop() {
        if (stack != null) {
            controls.stop(0);
            stack.close();
            stack = null;
        }
    }
}
