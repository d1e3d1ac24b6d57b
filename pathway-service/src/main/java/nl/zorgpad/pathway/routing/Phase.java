package nl.zorgpad.pathway.routing;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three phases of the first 1000 days. */
public enum Phase {
    @JsonProperty("preconception") PRECONCEPTION("preconception"),
    @JsonProperty("pregnancy") PREGNANCY("pregnancy"),
    @JsonProperty("postpartum") POSTPARTUM("postpartum");

    private final String code;

    Phase(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
