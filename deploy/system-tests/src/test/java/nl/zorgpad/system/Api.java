package nl.zorgpad.system;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;

/** Requests to the running services as a demo user, with a real token from Keycloak. */
final class Api {

    private Api() {
    }

    static RequestSpecification as(String user, ZorgpadService service) {
        return at(RunningSystem.url(service), user);
    }

    /** Requests to one replica of a service, by its address. */
    static RequestSpecification at(String serviceUrl, String user) {
        return given().baseUri(serviceUrl).auth().oauth2(DemoTokens.forUser(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification pathway(String user) {
        return as(user, ZorgpadService.PATHWAY);
    }

    static RequestSpecification referrals(String user) {
        return as(user, ZorgpadService.REFERRAL);
    }

    static RequestSpecification notifications(String user) {
        return as(user, ZorgpadService.NOTIFICATION);
    }

    /** Moves a referral as {@code user}, reading its current ETag first (If-Match is required). */
    static void changeStatus(String user, String referralId, String body) {
        changeStatusAt(RunningSystem.url(ZorgpadService.REFERRAL), user, referralId, body);
    }

    /** As {@link #changeStatus}, on one replica of referral-service. */
    static void changeStatusAt(String referralServiceUrl, String user, String referralId, String body) {
        String etag = at(referralServiceUrl, user).get("/api/referrals/" + referralId).then().statusCode(200)
                .extract().header("ETag");
        at(referralServiceUrl, user).header("If-Match", etag).body(body)
                .post("/api/referrals/" + referralId + "/status").then().statusCode(200);
    }
}
