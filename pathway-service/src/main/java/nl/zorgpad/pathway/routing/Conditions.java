package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * When a route rule applies. An empty list or a missing bound means "any": a rule with no conditions applies to
 * the whole region. The area is the union of the municipalities (CBS codes) and PC4 areas listed.
 */
public record Conditions(
        List<String> municipalities,
        List<String> postcodes,
        List<Phase> phases,
        List<Vulnerability> vulnerabilities,
        @PositiveOrZero @Max(120) Integer minAge,
        @PositiveOrZero @Max(120) Integer maxAge,
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
