package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A day of the week in a safe-contact period; the closed set its text is checked against and the OpenAPI lists. */
public enum Weekday {

    MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY;

    /** The codes as one regular expression, for Bean Validation. */
    static final String PATTERN = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every code, Monday first. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Weekday::code).toList();
    }
}
