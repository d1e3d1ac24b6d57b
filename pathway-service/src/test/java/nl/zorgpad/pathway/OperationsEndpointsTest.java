package nl.zorgpad.pathway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.stack.testing.StackControls;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OperationsEndpointsTest {

    private static final String KAFKA_GROUP = "/q/health/group/kafka";
    private static final String KAFKA = "checks.find { it.name == 'Kafka broker' }";
    private static final String DATABASE = "checks.find { it.name == 'Database connections health check' }";

    @Test
    void readinessChecksTheDatabaseAndTheKafkaGroupTheBroker() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body(DATABASE + ".status", equalTo("UP"));
        // The first probe opens the broker connection, which can take longer than the check allows on a busy machine.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get(KAFKA_GROUP)
                .then().statusCode(200).body(KAFKA + ".status", equalTo("UP"))
                .body(KAFKA + ".data.nodes", greaterThan(0)));
    }

    /** Routes must resolve while Kafka is away (the events wait in the outbox): only the Kafka group goes down. */
    @Test
    void staysReadyWhileTheKafkaBrokerIsAwayAndTheKafkaGroupSaysSo() {
        StackControls.stopKafka();
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().when().get(KAFKA_GROUP)
                    .then().statusCode(503).body("status", equalTo("DOWN"))
                    .body(KAFKA + ".status", equalTo("DOWN")));
            given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            StackControls.startKafka();
        }
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> given().when().get(KAFKA_GROUP)
                .then().statusCode(200).body(KAFKA + ".status", equalTo("UP")));
    }

    @Test
    void openApiAndMetricsAreServedWithoutToken() {
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("pathway-service"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiRefusesRequestsWithoutToken() {
        given().when().get("/api/signal-types").then().statusCode(401);
    }

    @Test
    void apiRefusesAForgedToken() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").when().get("/api/signal-types")
                .then().statusCode(401);
    }

    @Test
    void apiAnswersARealToken() {
        given().auth().oauth2(DemoTokens.forUser("anna")).when().get("/api/signal-types").then().statusCode(200);
    }
}
