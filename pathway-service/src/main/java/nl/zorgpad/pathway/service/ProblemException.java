package nl.zorgpad.pathway.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;

/** pathway-service's refusals; the problem's type is named after its title (e.g. "Not found": not-found). */
public class ProblemException extends nl.zorgpad.commons.problem.ProblemException {

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title.toLowerCase().replace(' ', '-'), title, detail, errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(422, "Validation failed", detail, errors);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + " " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "Precondition failed", detail, List.of());
    }
}
