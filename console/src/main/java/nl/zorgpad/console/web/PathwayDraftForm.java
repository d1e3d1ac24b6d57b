package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The draft editor's form as posted. Every rule row sends one value of each single field ({@code postcodes},
 * {@code minAge}, {@code target}, ...) in row order, plus a hidden {@code row}; the check boxes of a row send
 * {@code <row>:<value>} (e.g. {@code phase=2:pregnancy}), since a row may tick none or several. {@code action} is the
 * button pressed: {@code save}, {@code add}, {@code remove-<row>}, {@code up-<row>} or {@code down-<row>}.
 */
public class PathwayDraftForm {

    @RestForm public String action;

    @RestForm public List<String> row = new ArrayList<>();
    @RestForm public List<String> municipality = new ArrayList<>();
    @RestForm public List<String> postcodes = new ArrayList<>();
    @RestForm public List<String> phase = new ArrayList<>();
    @RestForm public List<String> vulnerability = new ArrayList<>();
    @RestForm public List<String> urgency = new ArrayList<>();
    @RestForm public List<String> minAge = new ArrayList<>();
    @RestForm public List<String> maxAge = new ArrayList<>();
    @RestForm public List<String> target = new ArrayList<>();
    @RestForm public List<String> instruction = new ArrayList<>();
    @RestForm public List<String> routine = new ArrayList<>();
    @RestForm public List<String> urgent = new ArrayList<>();

    /** The rows as typed, in the order shown. */
    List<PathwayRuleRow> rows() {
        List<PathwayRuleRow> rows = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            rows.add(new PathwayRuleRow(ticked(municipality, i), at(postcodes, i), ticked(phase, i),
                    ticked(vulnerability, i), ticked(urgency, i), at(minAge, i), at(maxAge, i), at(target, i),
                    at(instruction, i), at(routine, i), at(urgent, i)));
        }
        return rows;
    }

    private static String at(List<String> values, int index) {
        return values != null && index < values.size() && values.get(index) != null ? values.get(index) : "";
    }

    /** The values of row {@code index}'s check boxes, in the order posted. */
    private static List<String> ticked(List<String> values, int index) {
        List<String> found = new ArrayList<>();
        String prefix = index + ":";
        if (values != null) {
            for (String value : values) {
                if (value != null && value.startsWith(prefix) && value.length() > prefix.length()) {
                    found.add(value.substring(prefix.length()));
                }
            }
        }
        return found;
    }
}
