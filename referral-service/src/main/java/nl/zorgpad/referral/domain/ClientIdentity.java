package nl.zorgpad.referral.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a client is recognised without storing who they are in the clear: by BSN when one is known, and always by
 * normalised name + date of birth. Each is turned into a keyed pseudonym (HMAC-SHA256), which is what duplicate
 * detection and the access log store.
 */
public final class ClientIdentity {

    private ClientIdentity() {
    }

    /** The pseudonyms of one client: by BSN (absent without one) and by name + date of birth. */
    public record Pseudonyms(Optional<String> byBsn, String byNameAndBirthDate) {

        /** Two clients are taken to be the same when either pseudonym matches. */
        public boolean sameClientAs(Pseudonyms other) {
            boolean bsnMatch = byBsn.isPresent() && byBsn.equals(other.byBsn);
            return bsnMatch || byNameAndBirthDate.equals(other.byNameAndBirthDate);
        }
    }

    public static Pseudonyms pseudonyms(byte[] secret, String bsn, String name, LocalDate birthDate) {
        Optional<String> byBsn = bsnKey(bsn).map(key -> hmac(secret, key));
        return new Pseudonyms(byBsn, hmac(secret, nameKey(name, birthDate)));
    }

    public static Optional<String> bsnPseudonym(byte[] secret, String bsn) {
        return bsnKey(bsn).map(key -> hmac(secret, key));
    }

    public static String namePseudonym(byte[] secret, String name, LocalDate birthDate) {
        return hmac(secret, nameKey(name, birthDate));
    }

    static Optional<String> bsnKey(String bsn) {
        if (bsn == null || bsn.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("bsn:" + Bsn.normalise(bsn.strip()));
    }

    /** Case, accents, punctuation and extra spaces do not make a different person. */
    static String nameKey(String name, LocalDate birthDate) {
        String folded = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .strip();
        return "name:" + folded + "|" + birthDate;
    }

    private static String hmac(byte[] secret, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
