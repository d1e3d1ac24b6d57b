package nl.zorgpad.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contracts in openapi/ are what integrators code against. Each must equal the document SmallRye OpenAPI
 * generates from the service's code at build time. To publish a changed API on purpose:
 * {@code ./mvnw verify -Dopenapi.update=true}, then review and commit the changed files.
 */
class PublishedContractsTest {

    private static final Path CONTRACTS = Path.of(System.getProperty("zorgpad.project.root", "..")).resolve("openapi");

    @ParameterizedTest
    @ValueSource(strings = {"pathway-service", "referral-service", "notification-service"})
    void committedContractIsWhatTheCodeGenerates(String service) throws IOException {
        Path generated = CONTRACTS.getParent().resolve(service).resolve("target/openapi/openapi.yaml");
        Path published = CONTRACTS.resolve(service + ".yaml");
        assertTrue(Files.exists(generated), generated + " is missing: the service's Quarkus build writes it");
        if (Boolean.getBoolean("openapi.update")) {
            Files.copy(generated, published, StandardCopyOption.REPLACE_EXISTING);
        }
        assertTrue(Files.exists(published), published + " is missing: run ./mvnw verify -Dopenapi.update=true");
        assertEquals(Files.readString(generated), Files.readString(published),
                "openapi/" + service + ".yaml differs from what the code generates. If the API change is intended, "
                        + "run ./mvnw verify -Dopenapi.update=true and commit the file.");
    }
}
