package nl.zorgpad.console.web;

import java.util.List;
import nl.zorgpad.console.client.Regions.Rule;

/**
 * One rule of the draft editor as the coordinator typed it: texts, not numbers, so that a value the service (or
 * the console) refuses comes back exactly as typed. {@code target} is the partner's id, with {@code /} and the
 * contact point's id when one is chosen.
 */
public record PathwayRuleRow(List<String> municipalities, String postcodes, List<String> phases,
                             List<String> vulnerabilities, List<String> urgencies, String minAge, String maxAge,
                             String target, String instruction, String routine, String urgent) {

    static final String TARGET_SEPARATOR = "/";

    public PathwayRuleRow {
        municipalities = List.copyOf(municipalities);
        phases = List.copyOf(phases);
        vulnerabilities = List.copyOf(vulnerabilities);
        urgencies = List.copyOf(urgencies);
        postcodes = orEmpty(postcodes);
        minAge = orEmpty(minAge);
        maxAge = orEmpty(maxAge);
        target = orEmpty(target);
        instruction = orEmpty(instruction);
        routine = orEmpty(routine);
        urgent = orEmpty(urgent);
    }

    /** A rule as stored, for editing. */
    static PathwayRuleRow of(Rule rule) {
        var when = rule.when();
        String target = rule.target() == null || rule.target().partnerId() == null ? ""
                : rule.target().partnerId() + (rule.target().contactPointId() == null ? ""
                : TARGET_SEPARATOR + rule.target().contactPointId());
        var days = rule.responseTargetWorkingDays();
        return new PathwayRuleRow(when.municipalities(), String.join(", ", when.postcodes()), when.phases(),
                when.vulnerabilities(), when.urgencies(), text(when.minAge()), text(when.maxAge()), target,
                rule.instruction(), days == null ? "" : text(days.routine()), days == null ? "" : text(days.urgent()));
    }

    /** A new, empty rule: the whole region, every case, no partner chosen yet. */
    static PathwayRuleRow blank() {
        return new PathwayRuleRow(List.of(), "", List.of(), List.of(), List.of(), "", "", "", "", "", "");
    }

    public boolean hasMunicipality(String code) {
        return municipalities.contains(code);
    }

    public boolean hasPhase(String phase) {
        return phases.contains(phase);
    }

    public boolean hasVulnerability(String level) {
        return vulnerabilities.contains(level);
    }

    public boolean hasUrgency(String urgency) {
        return urgencies.contains(urgency);
    }

    public String partnerId() {
        int at = target.indexOf(TARGET_SEPARATOR);
        return at < 0 ? target : target.substring(0, at);
    }

    /** The chosen contact point's id, empty when the partner's first (general) one is meant. */
    public String contactPointId() {
        int at = target.indexOf(TARGET_SEPARATOR);
        return at < 0 ? "" : target.substring(at + 1);
    }

    /** Whether the select's option {@code value} is this row's choice. */
    public boolean targets(String value) {
        return target.equals(value);
    }

    /** Whether this row's choice is that contact point of that partner. */
    public boolean targetsContact(String partnerId, String contactPointId) {
        return target.equals(partnerId + TARGET_SEPARATOR + contactPointId);
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
