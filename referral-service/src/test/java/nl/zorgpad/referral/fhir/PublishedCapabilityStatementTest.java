package nl.zorgpad.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The CapabilityStatement published in {@code openapi/} is the one the service answers, as the OpenAPI documents are
 * the code's. On a change the test fails; the running service's statement is left in
 * {@code target/fhir/metadata.json} to be copied over the published one.
 */
@QuarkusTest
class PublishedCapabilityStatementTest {

    private static final Path PUBLISHED = Path.of("../openapi/referral-service.fhir.json");
    private static final Path ANSWERED = Path.of("target/fhir/metadata.json");

    @Test
    void thePublishedStatementIsTheOneTheServiceAnswers() throws IOException {
        String answered = given().accept("application/fhir+json").get("/fhir/metadata").then().statusCode(200)
                .extract().asString();
        ObjectMapper json = new ObjectMapper();
        Files.createDirectories(ANSWERED.getParent());
        Files.writeString(ANSWERED, json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(answered))
                + "\n");
        assertEquals(json.readTree(Files.readString(PUBLISHED)), json.readTree(answered),
                "openapi/referral-service.fhir.json differs from GET /fhir/metadata: copy " + ANSWERED.toAbsolutePath()
                        + " over it if the change is meant");
    }
}
