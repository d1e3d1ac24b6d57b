package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Closed-loop referral statuses (HL7 Gravity / FHIR Task), written as they appear in the API and events. */
public enum ReferralStatus {
    REQUESTED("requested"),
    ACCEPTED("accepted"),
    REJECTED("rejected"),
    IN_PROGRESS("in-progress"),
    ON_HOLD("on-hold"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String code;

    ReferralStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean isClosed() {
        return this == REJECTED || this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public static Optional<ReferralStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    @JsonCreator
    public static ReferralStatus parse(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("Unknown status " + code));
    }
}
