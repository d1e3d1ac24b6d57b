package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * A way of reaching the client that is safe for her (consent category safe-contact). Stored as text in the safe
 * contact; this enum is the closed set the text is checked against and that the OpenAPI document lists.
 */
public enum SafeChannel {

    PHONE("phone"),
    TEXT_MESSAGE("text-message"),
    EMAIL("email"),
    LETTER("letter"),
    HOME_VISIT("home-visit");

    /** The codes as one regular expression, for Bean Validation. */
    static final String PATTERN = "phone|text-message|email|letter|home-visit";

    private final String code;

    SafeChannel(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(SafeChannel::code).toList();
    }
}
