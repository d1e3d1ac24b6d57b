package nl.zorgpad.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A request without a valid bearer token gets a problem+json 401 with the Bearer challenge, not a bare 401. */
@QuarkusTest
class UnauthenticatedProblemTest {

    @Test
    void noTokenAForgedTokenAndBasicAuthAreAllProblems() {
        for (String authorization : new String[] {null, "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "Basic YW5uYTphbm5h"}) {
            var request = given();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            request.get("/api/inbox").then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("type", equalTo("https://zorgpad.nl/problems/unauthorized"))
                    .body("status", equalTo(401));
        }
    }
}
