package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * The kinds of partner pathway-service knows (its partners' {@code kind}); a consent names those the
 * client agreed to be handed over to.
 * The consent stores the codes as text; this enum is the closed set they are checked against and that the
 * OpenAPI document lists.
 */
public enum PartnerKind {

    DISTRICT_TEAM("district-team"),
    DEBT_COUNSELLING("debt-counselling"),
    YOUTH_HEALTH_CARE("youth-health-care"),
    MENTAL_HEALTH("mental-health"),
    VEILIG_THUIS("veilig-thuis"),
    MATERNITY_CARE("maternity-care"),
    PROGRAMME("programme"),
    OTHER("other");

    private final String code;

    PartnerKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(PartnerKind::code).toList();
    }
}
