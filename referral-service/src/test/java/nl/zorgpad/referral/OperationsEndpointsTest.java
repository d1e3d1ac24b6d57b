package nl.zorgpad.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    /** The first answer of the Kafka group may wait for the check's first connection to the broker. */
    @Test
    void readinessChecksTheDatabaseAndTheKafkaGroupTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get("/q/health/group/kafka")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.data.nodes", equalTo(1)));
    }

    @Test
    void openApiAndMetricsAreServedWithoutToken() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("referral-service"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiRefusesRequestsWithoutToken() {
        given().when().get("/api/referrals").then().statusCode(401);
    }

    @Test
    void apiRefusesAForgedToken() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").when().get("/api/referrals")
                .then().statusCode(401);
    }

    @Test
    void apiAnswersARealToken() {
        given().auth().oauth2(DemoTokens.forUser("anna")).when().get("/api/referrals").then().statusCode(200);
    }
}
