package nl.zorgpad.stack.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tess's one-time codes are RFC 6238 codes of the key in the demo realm. */
class DemoTotpTest {

    /** The SHA1 seed of RFC 6238, appendix B. */
    private static final byte[] RFC_6238_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheSha1TestVectorsOfRfc6238() {
        long[] times = {59L, 1111111109L, 1111111111L, 1234567890L, 2000000000L, 20000000000L};
        String[] expected = {"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"};
        for (int i = 0; i < times.length; i++) {
            assertEquals(expected[i], DemoTotp.code(RFC_6238_KEY, times[i] / 30, 8), "T = " + times[i]);
        }
    }

    @Test
    void sixDigitCodesAreTheLastSixDigitsOfTheVectors() {
        assertEquals("287082", DemoTotp.code(RFC_6238_KEY, 59L / 30, 6));
        assertEquals("081804", DemoTotp.code(RFC_6238_KEY, 1111111109L / 30, 6), "keeps the leading zero");
        assertEquals("005924", DemoTotp.code(RFC_6238_KEY, 1234567890L / 30, 6), "keeps the leading zeros");
    }

    @Test
    void tessCodeChangesEveryThirtySeconds() {
        Instant start = Instant.ofEpochSecond(1_800_000_000L); // the start of a 30-second period
        String code = DemoTotp.codeAt(start);
        assertEquals(6, code.length());
        assertEquals(code, DemoTotp.codeAt(start.plusSeconds(29)));
        assertNotEquals(code, DemoTotp.codeAt(start.plusSeconds(30)));
        assertEquals(DemoTotp.code(DemoTotp.REALM_SECRET.getBytes(StandardCharsets.UTF_8), 60_000_000L, 6), code);
    }

    @Test
    void base32SecretIsTheRealmKeyForAuthenticatorApps() {
        assertEquals("MZXW6YTBOI", DemoTotp.base32("foobar".getBytes(StandardCharsets.US_ASCII)), "RFC 4648 vector");
        assertEquals(DemoTotp.SECRET_BASE32, DemoTotp.base32(DemoTotp.REALM_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertTrue(DemoTotp.otpauthUri().startsWith("otpauth://totp/zorgpad:tess?secret=" + DemoTotp.SECRET_BASE32),
                DemoTotp.otpauthUri());
    }
}
