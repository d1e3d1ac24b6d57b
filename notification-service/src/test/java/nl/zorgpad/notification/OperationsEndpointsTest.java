package nl.zorgpad.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithDatabaseAndKafkaReady() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"));
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
