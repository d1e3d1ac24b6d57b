package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a route rule applies. An empty list or a missing bound means "any": a rule with no conditions applies to
 * the whole region. The area is the union of the municipalities (CBS codes) and PC4 areas listed.
 */
public record Conditions(
        @Schema(description = "CBS codes of the municipalities where it applies; empty (with no postcodes) for the"
                + " whole region", examples = "[\"GM0090\"]")
        List<String> municipalities,
        @Schema(description = "PC4 areas where it applies beside the municipalities listed", examples = "[\"9203\"]")
        List<String> postcodes,
        @Schema(description = "The phases it applies in (preconception, pregnancy, postpartum); empty for any",
                examples = "[\"pregnancy\", \"postpartum\"]")
        List<Phase> phases,
        @Schema(description = "The vulnerability levels it applies to (self-reliant, potentially-vulnerable,"
                + " vulnerable, very-vulnerable); empty for any", examples = "[\"vulnerable\"]")
        List<Vulnerability> vulnerabilities,
        @Schema(description = "The lowest client age in years it applies to; null for no lower bound",
                examples = "18", nullable = true)
        @PositiveOrZero @Max(120) Integer minAge,
        @Schema(description = "The highest client age in years it applies to; null for no upper bound",
                examples = "23", nullable = true)
        @PositiveOrZero @Max(120) Integer maxAge,
        @Schema(description = "The urgencies it applies to (routine, urgent); empty for any", examples = "[\"urgent\"]")
        List<Urgency> urgencies) {

    public static final Conditions ANY = new Conditions(List.of(), List.of(), List.of(), List.of(), null, null,
            List.of());

    public Conditions {
        municipalities = copy(municipalities);
        postcodes = copy(postcodes);
        phases = copy(phases);
        vulnerabilities = copy(vulnerabilities);
        urgencies = copy(urgencies);
    }

    public boolean regionWide() {
        return municipalities.isEmpty() && postcodes.isEmpty();
    }

    private static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }
}
