package nl.zorgpad.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithDatabaseAndKafkaReady() {
        // Readiness is made of the datasource's check and SmallRye Reactive Messaging's, which reports each Kafka
        // channel as ready once its consumer is connected to the broker.
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.status",
                        equalTo("UP"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        allOf(hasEntry(equalTo("referral-events"), startsWith("[OK]")),
                                hasEntry(equalTo("pathway-events"), startsWith("[OK]"))));
    }

    @Test
    void openApiAndMetricsAreServedWithoutToken() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("notification-service"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiRefusesRequestsWithoutToken() {
        given().when().get("/api/inbox").then().statusCode(401);
    }

    @Test
    void apiRefusesAForgedToken() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").when().get("/api/inbox")
                .then().statusCode(401);
    }

    @Test
    void aTokenWithoutOrganisationIsForbidden() {
        // A service account's token is valid but names no organisation (org_id): nobody's inbox to show.
        String token = DemoTokens.forClient("referral-service");
        for (String path : new String[] {"/api/inbox", "/api/inbox/stream", "/api/deliveries"}) {
            given().auth().oauth2(token).when().get(path).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://zorgpad.nl/problems/forbidden"))
                    .body("detail", containsString("org_id"));
        }
    }

    @Test
    void apiAnswersARealToken() {
        given().auth().oauth2(DemoTokens.forUser("anna")).when().get("/api/inbox").then().statusCode(200);
    }
}
