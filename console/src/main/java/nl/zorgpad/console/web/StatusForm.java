package nl.zorgpad.console.web;

import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.ServiceProblem;

/**
 * A status change as the user filled it in, with what the service said about it: kept so that a refused form shows
 * the same input again, with each field error beside its field.
 */
public record StatusForm(String status, String reasonCode, String reasonText, String outcome, String problemSlug,
                         int problemStatus, Map<String, String> fieldErrors) {

    static StatusForm empty() {
        return new StatusForm("", "", "", "", "", 0, Map.of());
    }

    static StatusForm refused(String status, String reasonCode, String reasonText, String outcome,
                              ServiceProblem problem) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        for (ServiceProblem.FieldError error : problem.errors()) {
            errors.put(error.field(), error.message());
        }
        return new StatusForm(status, orEmpty(reasonCode), orEmpty(reasonText), orEmpty(outcome), problem.slug(),
                problem.status(), errors);
    }

    public boolean hasProblem() {
        return problemStatus != 0;
    }

    /** The form that was refused, to open it again with its input: {@code reject}, {@code hold}, ... */
    public boolean isFor(String target) {
        return status.equals(target) && hasProblem();
    }

    public boolean hasError(String field) {
        return fieldErrors.containsKey(field);
    }

    public List<String> errorFields() {
        return List.copyOf(fieldErrors.keySet());
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
