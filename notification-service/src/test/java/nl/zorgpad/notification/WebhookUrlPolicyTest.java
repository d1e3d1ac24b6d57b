package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.EVA_ORG;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import nl.zorgpad.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The production URL policy (SSRF, OWASP API7) at the API: a webhook URL that is not https or that resolves to an
 * internal address is refused with a 422 naming the field, and nothing is stored.
 */
@QuarkusTest
@TestProfile(ProductionUrlPolicy.class)
class WebhookUrlPolicyTest {

    /** A literal public address: accepted without any DNS lookup or call, so the test needs no internet. */
    private static final String PUBLIC_URL = "https://1.1.1.1/zorgpad/events";

    @AfterEach
    void unsubscribe() {
        Api.as("eva").contentType(ContentType.JSON).body("{}").put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(200);
    }

    @Test
    void aPublicHttpsUrlIsAccepted() {
        Api.as("eva").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(PUBLIC_URL, WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200)
                .body("webhooks", hasSize(1)).body("webhooks[0].url", equalTo(PUBLIC_URL));
        Api.as("eva").get("/api/subscriptions/" + EVA_ORG).then().statusCode(200)
                .body("webhooks", hasSize(1)).body("webhooks[0].url", equalTo(PUBLIC_URL));
    }

    @ParameterizedTest
    @CsvSource({
            "http://1.1.1.1/zorgpad/events,                    must be an https URL",
            "https://127.0.0.1/hook,                           resolves to an internal address",
            "https://169.254.169.254/latest/meta-data,         resolves to an internal address",
            "https://10.1.2.3/hook,                            resolves to an internal address",
            "https://[::1]/hook,                               resolves to an internal address",
            "https://localhost:8443/hook,                      resolves to an internal address"})
    void aUrlThatIsNotHttpsOrReachesAnInternalAddressIsRefusedAndNothingIsStored(String url, String reason) {
        Api.as("eva").contentType(ContentType.JSON)
                .body(Api.webhookSubscription(PUBLIC_URL, WebhookSigner.newSecret(), "referral.requested"))
                .put("/api/subscriptions/" + EVA_ORG).then().statusCode(200);

        // The refused URL comes second: the whole replacement is refused, the stored webhook stays as it was.
        String body = """
                {"webhooks":[{"url":"%s","secret":"%s","eventTypes":["referral.overdue"]},
                             {"url":"%s","secret":"%s","eventTypes":["referral.requested"]}]}"""
                .formatted(PUBLIC_URL, WebhookSigner.newSecret(), url, WebhookSigner.newSecret());
        Api.as("eva").contentType(ContentType.JSON).body(body).put("/api/subscriptions/" + EVA_ORG)
                .then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("webhooks[1].url"))
                .body("errors[0].message", equalTo(reason));

        Api.as("eva").get("/api/subscriptions/" + EVA_ORG).then().statusCode(200)
                .body("webhooks", hasSize(1)).body("webhooks[0].url", equalTo(PUBLIC_URL))
                .body("webhooks[0].eventTypes", equalTo(List.of("referral.requested")));
    }
}
