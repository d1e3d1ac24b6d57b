package nl.zorgpad.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 over "id.timestamp.body">} with the key being the
 * base64-decoded part of a {@code whsec_} secret.
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";
    private static final int MIN_KEY_BYTES = 24;
    private static final int MAX_KEY_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    public static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** True for a {@code whsec_} secret whose key is valid base64 of 24 to 64 bytes. */
    public static boolean isValidSecret(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return false;
        }
        try {
            int length = key(secret).length;
            return length >= MIN_KEY_BYTES && length <= MAX_KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A fresh random secret of 32 bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
