package nl.zorgpad.pathway.routing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a partner takes new referrals. */
public enum CapacityStatus {
    @JsonProperty("open") OPEN("open"),
    @JsonProperty("waitlist") WAITLIST("waitlist"),
    @JsonProperty("closed") CLOSED("closed");

    private final String code;

    CapacityStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static CapacityStatus of(String code) {
        for (CapacityStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown capacity status " + code);
    }
}
