package nl.zorgpad.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The test vector of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks). */
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void signatureMatchesTheStandardWebhooksTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY));
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        String original = WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY);
        assertNotEquals(original, WebhookSigner.sign(SECRET, ID + "x", TIMESTAMP, BODY));
        assertNotEquals(original, WebhookSigner.sign(SECRET, ID, TIMESTAMP + 1, BODY));
        assertNotEquals(original, WebhookSigner.sign(SECRET, ID, TIMESTAMP, BODY + " "));
    }

    @Test
    void secretsMustBeWhsecWithEnoughKeyBytes() {
        assertTrue(WebhookSigner.isValidSecret(SECRET));
        assertTrue(WebhookSigner.isValidSecret(WebhookSigner.newSecret()));
        assertFalse(WebhookSigner.isValidSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "prefix missing");
        assertFalse(WebhookSigner.isValidSecret("whsec_c2hvcnQ="), "too short");
        assertFalse(WebhookSigner.isValidSecret("whsec_not base64!!"), "not base64");
        assertFalse(WebhookSigner.isValidSecret(null));
    }
}
