package nl.zorgpad.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the local stack keeps its things. The home folder ({@code .stack/} at the project root, ignored by git and
 * kept by {@code mvn clean}) holds the unpacked Keycloak distribution and the jars of the Kafka broker; both are put
 * there by this module's build.
 */
public record StackLayout(Path home) {

    public static final String HOME_PROPERTY = "zorgpad.stack.home";

    public static StackLayout locate() {
        String configured = System.getProperty(HOME_PROPERTY, System.getenv("ZORGPAD_STACK_HOME"));
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property " + HOME_PROPERTY
                    + " is not set; run through ./mvnw or deploy/run, which set it to <project>/.stack");
        }
        Path home = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isDirectory(home.resolve("lib"))) {
            throw new IllegalStateException(home + "/lib is missing: build the local stack first (./mvnw install -DskipTests)");
        }
        return new StackLayout(home);
    }

    public Path libraries() {
        return home.resolve("lib");
    }

    public Path keycloakDistribution() {
        try (Stream<Path> entries = Files.list(home)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unpacked Keycloak in " + home
                            + ": build the local stack first (./mvnw install -DskipTests)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
