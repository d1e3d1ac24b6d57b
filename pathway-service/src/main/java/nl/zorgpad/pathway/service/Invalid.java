package nl.zorgpad.pathway.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;

/** The 422 {@code validation} refusals of pathway-service's use cases, with the fields that failed. */
final class Invalid {

    private Invalid() {
    }

    /** One field breaks a rule, e.g. {@code field("id", "is required")}. */
    static ProblemException field(String field, String message) {
        return fields(field + " " + message, List.of(new FieldError(field, message)));
    }

    static ProblemException fields(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, detail, errors, Map.of());
    }
}
