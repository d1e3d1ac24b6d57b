package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.zorgpad.console.client.Regions.Conditions;
import nl.zorgpad.console.client.Regions.DraftRules;
import nl.zorgpad.console.client.Regions.ResponseTargets;
import nl.zorgpad.console.client.Regions.Rule;
import nl.zorgpad.console.client.Regions.Target;
import nl.zorgpad.console.client.Regions.Version;

/**
 * The rule editor of a pathway's draft: its rows, the messages per row, and what the last button did. Adding,
 * removing and moving rules change only the page (the order of the rules matters: the first that applies is the
 * route); "save" sends all rows to pathway-service as the draft's rules. The console only checks that numbers are
 * numbers; everything else (areas, partners, shadowed rules) is the service's to judge.
 *
 * @param notice what the last button did: {@code added}, {@code removed}, {@code moved} or empty
 * @param focus  the row to put the cursor in (a new row), or -1
 */
public record PathwayEditor(List<PathwayRuleRow> rows, PathwayRuleErrors errors, String notice, int focus) {

    public static final String SAVE = "save";

    /** The rules of a draft as stored. */
    static PathwayEditor of(Version draft) {
        return new PathwayEditor(draft.rules().stream().map(PathwayRuleRow::of).toList(), PathwayRuleErrors.none(),
                "", -1);
    }

    static PathwayEditor typed(List<PathwayRuleRow> rows, PathwayRuleErrors errors) {
        return new PathwayEditor(List.copyOf(rows), errors, "", -1);
    }

    /** Whether the button pressed saves (also Enter in a field, and a post without a button). */
    static boolean saves(String action) {
        return action == null || action.isBlank() || SAVE.equals(action);
    }

    /** The editor after an add, remove or move button; an unknown action changes nothing. */
    static PathwayEditor change(List<PathwayRuleRow> typed, String action) {
        List<PathwayRuleRow> rows = new ArrayList<>(typed);
        if ("add".equals(action)) {
            rows.add(PathwayRuleRow.blank());
            return new PathwayEditor(List.copyOf(rows), PathwayRuleErrors.none(), "added", rows.size() - 1);
        }
        int dash = action == null ? -1 : action.lastIndexOf('-');
        int index = dash < 0 ? -1 : parse(action.substring(dash + 1), -1);
        String verb = dash < 0 ? "" : action.substring(0, dash);
        if (index < 0 || index >= rows.size()) {
            return typed(rows, PathwayRuleErrors.none());
        }
        switch (verb) {
            case "remove" -> {
                rows.remove(index);
                return new PathwayEditor(List.copyOf(rows), PathwayRuleErrors.none(), "removed", -1);
            }
            case "up" -> {
                if (index > 0) {
                    rows.add(index - 1, rows.remove(index));
                }
                return new PathwayEditor(List.copyOf(rows), PathwayRuleErrors.none(), "moved", -1);
            }
            case "down" -> {
                if (index < rows.size() - 1) {
                    rows.add(index + 1, rows.remove(index));
                }
                return new PathwayEditor(List.copyOf(rows), PathwayRuleErrors.none(), "moved", -1);
            }
            default -> {
                return typed(rows, PathwayRuleErrors.none());
            }
        }
    }

    /** The draft's rules as pathway-service takes them, or the rows' numbers that are no numbers. */
    record Converted(DraftRules draft, PathwayRuleErrors errors) {

        boolean isValid() {
            return errors.isEmpty();
        }
    }

    static Converted convert(List<PathwayRuleRow> rows) {
        PathwayRuleErrors errors = PathwayRuleErrors.none();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            PathwayRuleRow row = rows.get(i);
            Integer minAge = number(row.minAge(), i, PathwayRuleErrors.AGES, errors);
            Integer maxAge = number(row.maxAge(), i, PathwayRuleErrors.AGES, errors);
            Integer routine = number(row.routine(), i, PathwayRuleErrors.DAYS, errors);
            Integer urgent = number(row.urgent(), i, PathwayRuleErrors.DAYS, errors);
            ResponseTargets days = null;
            if (routine != null && urgent != null) {
                days = new ResponseTargets(routine, urgent);
            } else if (!row.routine().isBlank() || !row.urgent().isBlank()) {
                if (!errors.has(i, PathwayRuleErrors.DAYS)) {
                    errors.addLocal(i, PathwayRuleErrors.DAYS, "days-incomplete");
                }
            }
            Conditions when = new Conditions(row.municipalities(), postcodes(row.postcodes()), row.phases(),
                    row.vulnerabilities(), minAge, maxAge, row.urgencies());
            Target target = new Target(blankToNull(row.partnerId()), blankToNull(row.contactPointId()));
            rules.add(new Rule(when, target, blankToNull(row.instruction()), days));
        }
        return new Converted(new DraftRules(List.copyOf(rules)), errors);
    }

    /** "9200, 9201 9202" or one per line: the PC4 areas as listed. */
    static List<String> postcodes(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.strip().split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    private static Integer number(String typed, int row, String group, PathwayRuleErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            if (!errors.has(row, group)) {
                errors.addLocal(row, group, "not-a-number");
            }
            return null;
        }
    }

    private static int parse(String number, int otherwise) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
