package nl.zorgpad.pathway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import nl.zorgpad.stack.keycloak.DemoTokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SignalTypeResourceTest {

    @Test
    void catalogueListsTheNationalSignalTypesWithLabelsAndDomain() {
        given().auth().oauth2(DemoTokens.forUser("daan"))
                .when().get("/api/signal-types")
                .then().statusCode(200)
                .body("$", hasSize(18))
                .body("code", hasItems("financial-debt", "domestic-violence", "teen-parent", "smoking"))
                .body("find { it.code == 'financial-debt' }.labelNl", equalTo("Schulden"))
                .body("find { it.code == 'financial-debt' }.domain", equalTo("money"));
    }
}
