package nl.zorgpad.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** Small REST helpers for the FHIR tests. */
final class FhirApi {

    static final String FHIR_JSON = "application/fhir+json";

    private FhirApi() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(DemoTokens.forUser(user)).accept(FHIR_JSON).contentType(FHIR_JSON);
    }

    static ValidatableResponse read(String user, String path) {
        return as(user).get("/fhir/" + path).then();
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
