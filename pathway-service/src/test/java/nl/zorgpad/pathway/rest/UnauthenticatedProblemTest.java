package nl.zorgpad.pathway.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A rejected token answers 401 as problem+json. (A request without any token still gets Quarkus' bare 401.) */
@QuarkusTest
class UnauthenticatedProblemTest {

    @Test
    void aForgedTokenIsAProblemToo() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").when().get("/api/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }
}
