package nl.zorgpad.pathway.routing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How soon the family must be reached. */
public enum Urgency {
    @JsonProperty("routine") ROUTINE("routine"),
    @JsonProperty("urgent") URGENT("urgent");

    private final String code;

    Urgency(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
