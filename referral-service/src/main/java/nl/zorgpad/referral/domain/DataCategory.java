package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * What a consent lets the handover carry: identity (name, date of birth, BSN), contact (phone,
 * e-mail, address), signals (codes and notes), safe-contact (instructions), language (language, interpreter,
 * literacy).
 * The consent stores the codes as text; this enum is the closed set they are checked against and that the
 * OpenAPI document lists.
 */
public enum DataCategory {

    IDENTITY("identity"),
    CONTACT("contact"),
    SIGNALS("signals"),
    SAFE_CONTACT("safe-contact"),
    LANGUAGE("language");

    private final String code;

    DataCategory(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(DataCategory::code).toList();
    }
}
