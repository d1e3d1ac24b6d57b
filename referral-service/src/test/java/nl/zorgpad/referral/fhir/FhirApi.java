package nl.zorgpad.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** Small REST helpers for the FHIR tests. */
final class FhirApi {

    static final String FHIR_JSON = "application/fhir+json";

    private FhirApi() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoTokens.forUser(user)).accept(FHIR_JSON).contentType(FHIR_JSON);
    }

    /** A GET whose answer, whatever it is, must be valid R4. */
    static ValidatableResponse read(String user, String path) {
        return valid(as(user).get("/fhir/" + path));
    }

    /** The answer, after checking that what the service wrote is valid R4 (when it wrote FHIR at all). */
    static ValidatableResponse valid(Response response) {
        String body = response.asString();
        if (String.valueOf(response.contentType()).startsWith(FHIR_JSON)) {
            assertEquals(List.of(), R4Validation.errors(body), "valid R4: " + body);
        }
        return response.then();
    }

    /** A refusal: the status, as an OperationOutcome whose first issue is an error of this code. */
    static ValidatableResponse assertOutcome(ValidatableResponse response, int status, String code) {
        return response.statusCode(status).contentType(startsWith(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].severity", equalTo("error"))
                .body("issue[0].code", equalTo(code))
                .body(not(containsString("Exception")));
    }
}
