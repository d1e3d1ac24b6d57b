package nl.zorgpad.pathway.rest;

import static io.restassured.RestAssured.given;
import static nl.zorgpad.pathway.Fixtures.VERA_REGION;
import static nl.zorgpad.pathway.Fixtures.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every security refusal is application/problem+json; a 401 keeps its Bearer challenge. */
@QuarkusTest
class UnauthenticatedProblemTest {

    @Test
    void aRequestWithoutTokenIsAProblemWithAChallenge() {
        given().when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("type", equalTo("https://zorgpad.nl/problems/unauthorized"));
    }

    @Test
    void aWriteWithoutTokenIsAProblemToo() {
        given().contentType(ContentType.JSON).body(Map.of("status", "open"))
                .put("/api/regions/" + VERA_REGION + "/partners/anything/capacity")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIsAProblemToo() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aRoleThatMayNotDoThisGetsAForbiddenProblem() {
        as("anna").get("/api/regions/" + VERA_REGION + "/coverage")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }
}
