package nl.zorgpad.stack.keycloak;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The second factor of the DEMO user tess: her one-time codes (RFC 6238 TOTP, HMAC-SHA1, 6 digits, 30 s), computed
 * from the secret pre-registered for her in deploy/keycloak/zorgpad-realm.json, so that tests can type the code that
 * her authenticator app would show. Demo only, like the rest of that realm.
 */
public final class DemoTotp {

    /** The demo user who has a second factor. Her password is her user name, as for every demo user. */
    public static final String USER = "tess";

    /**
     * The secret as the realm file stores it ({@code secretData.value}); Keycloak uses its UTF-8 bytes as the key.
     */
    public static final String REALM_SECRET = "zorgpad-tess-demo-01";

    /** The same key in base32, as an authenticator app takes it. */
    public static final String SECRET_BASE32 = "PJXXEZ3QMFSC25DFONZS2ZDFNVXS2MBR";

    static final int DIGITS = 6;
    static final long PERIOD_SECONDS = 30;

    private DemoTotp() {
    }

    /** The code tess's authenticator app shows now. */
    public static String currentCode() {
        return codeAt(Instant.now());
    }

    /** The code of the 30-second period that holds {@code time}. */
    public static String codeAt(Instant time) {
        return code(REALM_SECRET.getBytes(StandardCharsets.UTF_8), Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS),
                DIGITS);
    }

    /** What to put in a QR code or type into an authenticator app to get tess's codes there. */
    public static String otpauthUri() {
        return "otpauth://totp/zorgpad:" + USER + "?secret=" + SECRET_BASE32
                + "&issuer=zorgpad&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    /** RFC 4226 HOTP of a counter (RFC 6238: the counter is the number of periods since the epoch), HMAC-SHA1. */
    static String code(byte[] key, long counter, int digits) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int modulus = (int) Math.pow(10, digits);
        return String.format("%0" + digits + "d", binary % modulus);
    }

    /** RFC 4648 base32 without padding, as authenticator apps expect secrets. */
    static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder encoded = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                encoded.append(alphabet.charAt((buffer >> (bits - 5)) & 0x1f));
                bits -= 5;
            }
        }
        if (bits > 0) {
            encoded.append(alphabet.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return encoded.toString();
    }
}
