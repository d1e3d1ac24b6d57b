package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.console.client.ServiceProblem;

/**
 * What is wrong with a draft's rules, by rule row and by part of the row, so the editor shows each message next to
 * the rule (and the inputs) it concerns. pathway-service names the place by path ({@code rules[2].target.partnerId},
 * {@code rules[1].when}) and says what is wrong in English; known messages become a kind with a parameter that the
 * page turns into Dutch, anything else keeps the service's text beside a general Dutch message.
 */
public final class PathwayRuleErrors {

    /** The parts of a rule row that carry their own messages. */
    public static final String AREA = "area";
    public static final String PHASES = "phases";
    public static final String VULNERABILITIES = "vulnerabilities";
    public static final String AGES = "ages";
    public static final String URGENCIES = "urgencies";
    public static final String TARGET = "target";
    public static final String INSTRUCTION = "instruction";
    public static final String DAYS = "days";
    /** The rule as a whole (e.g. shadowed by an earlier one). */
    public static final String RULE = "rule";

    /**
     * One message: {@code kind} picks the Dutch sentence, {@code param} fills it (a municipality's name, a PC4
     * area, a rule number, a version); {@code serviceText} is the service's own words, shown only for kind
     * {@code other}.
     */
    public record RuleError(String group, String kind, String param, String serviceText) {
    }

    private static final Pattern RULE_PATH = Pattern.compile("^rules\\[(\\d+)](?:\\.(.*))?$");
    private static final Pattern OUTSIDE_MUNICIPALITY = Pattern.compile("^(\\S+) is not a municipality of region");
    private static final Pattern OUTSIDE_POSTCODE = Pattern.compile("^(\\S+) is not a PC4 area of region");
    private static final Pattern SHADOWED = Pattern.compile("can never match: rule (\\d+) comes first");
    private static final Pattern NOT_SERVING_MUNICIPALITY = Pattern.compile("does not serve municipality (\\S+)");
    private static final Pattern NOT_SERVING_POSTCODE = Pattern.compile("does not serve PC4 area (\\S+)");
    private static final Pattern OVERLAPS = Pattern.compile("overlaps version (\\d+)");

    private final Map<Integer, List<RuleError>> byRow = new LinkedHashMap<>();
    private final List<RuleError> general = new ArrayList<>();

    static PathwayRuleErrors none() {
        return new PathwayRuleErrors();
    }

    /** Sorts a refusal's field errors into rows; {@code municipalityName} names a CBS code for the messages. */
    static PathwayRuleErrors of(ServiceProblem problem, Function<String, String> municipalityName) {
        PathwayRuleErrors errors = new PathwayRuleErrors();
        for (ServiceProblem.FieldError error : problem.errors()) {
            errors.addServiceError(error.field(), error.message(), municipalityName);
        }
        return errors;
    }

    void addServiceError(String field, String message, Function<String, String> municipalityName) {
        String text = message == null ? "" : message;
        Matcher path = RULE_PATH.matcher(field == null ? "" : field);
        if (!path.matches()) {
            general.add(generalError(field == null ? "" : field, text));
            return;
        }
        int row = Integer.parseInt(path.group(1));
        String within = path.group(2) == null ? "" : path.group(2);
        add(row, ruleError(groupOf(within), within, text, municipalityName));
    }

    /** A mistake the console finds itself (a number that is none), before the service is asked. */
    void addLocal(int row, String group, String kind) {
        add(row, new RuleError(group, kind, "", ""));
    }

    private void add(int row, RuleError error) {
        byRow.computeIfAbsent(row, k -> new ArrayList<>()).add(error);
    }

    /** The messages of one part of a rule row. */
    public List<RuleError> of(int row, String group) {
        return byRow.getOrDefault(row, List.of()).stream().filter(e -> e.group().equals(group)).toList();
    }

    public boolean has(int row, String group) {
        return !of(row, group).isEmpty();
    }

    public boolean hasRow(int row) {
        return byRow.containsKey(row);
    }

    /** Messages about the draft as a whole (no rules) or the publication (its date). */
    public List<RuleError> general() {
        return List.copyOf(general);
    }

    /** The rows with messages, numbered from 0, in order. */
    public List<Integer> rows() {
        return byRow.keySet().stream().sorted().toList();
    }

    public boolean isEmpty() {
        return byRow.isEmpty() && general.isEmpty();
    }

    static String groupOf(String within) {
        if (within.startsWith("when.municipalities") || within.startsWith("when.postcodes")) {
            return AREA;
        }
        if (within.startsWith("when.phases")) {
            return PHASES;
        }
        if (within.startsWith("when.vulnerabilities")) {
            return VULNERABILITIES;
        }
        if (within.startsWith("when.urgencies")) {
            return URGENCIES;
        }
        if (within.startsWith("when.minAge") || within.startsWith("when.maxAge")) {
            return AGES;
        }
        if (within.startsWith("target")) {
            return TARGET;
        }
        if (within.startsWith("instruction")) {
            return INSTRUCTION;
        }
        if (within.startsWith("responseTargetWorkingDays")) {
            return DAYS;
        }
        return RULE;
    }

    private static RuleError ruleError(String group, String within, String text,
                                       Function<String, String> municipalityName) {
        Matcher m;
        if ((m = OUTSIDE_MUNICIPALITY.matcher(text)).find()) {
            return new RuleError(group, "municipality-outside", m.group(1), text);
        }
        if ((m = OUTSIDE_POSTCODE.matcher(text)).find()) {
            return new RuleError(group, "postcode-outside", m.group(1), text);
        }
        if ((m = SHADOWED.matcher(text)).find()) {
            return new RuleError(group, "shadowed", m.group(1), text);
        }
        if ((m = NOT_SERVING_MUNICIPALITY.matcher(text)).find()) {
            return new RuleError(group, "partner-not-serving", municipalityName.apply(m.group(1)), text);
        }
        if ((m = NOT_SERVING_POSTCODE.matcher(text)).find()) {
            return new RuleError(group, "partner-not-serving-postcode", m.group(1), text);
        }
        if (text.startsWith("unknown partner")) {
            return new RuleError(group, "partner-unknown", "", text);
        }
        if (text.endsWith("is inactive")) {
            return new RuleError(group, "partner-inactive", "", text);
        }
        if (text.contains("has no contact point")) {
            return new RuleError(group, "contact-unknown", "", text);
        }
        if (text.equals("is above maxAge")) {
            return new RuleError(group, "ages-reversed", "", text);
        }
        if (DAYS.equals(group) && text.equals("is required")) {
            return new RuleError(group, "days-missing", "", text);
        }
        if (TARGET.equals(group) && (text.startsWith("must not be") || text.startsWith("size must be"))) {
            return new RuleError(group, "partner-missing", "", text);
        }
        if (AGES.equals(group) || DAYS.equals(group)) {
            return new RuleError(group, "number-range", "", text);
        }
        if (INSTRUCTION.equals(group)) {
            return new RuleError(group, "instruction-too-long", "", text);
        }
        return new RuleError(group, "other", within, text);
    }

    private static RuleError generalError(String field, String text) {
        if (field.equals("rules") && text.contains("at least one rule")) {
            return new RuleError(RULE, "no-rules", "", text);
        }
        Matcher m = OVERLAPS.matcher(text);
        if (field.equals("effectiveFrom") && m.find()) {
            return new RuleError("effectiveFrom", "date-overlap", m.group(1), text);
        }
        if (field.equals("effectiveFrom")) {
            return new RuleError("effectiveFrom", "date-missing", "", text);
        }
        return new RuleError(field, "other", field, text);
    }
}
