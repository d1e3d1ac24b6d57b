package nl.zorgpad.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * A use case refusing a request, with what its RFC 9457 answer needs. Each service names its own refusals by
 * subclassing or with factory methods; {@link ProblemMappers} writes them all.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            Map<String, Object> extensions) {
        // No stack trace: a refusal is an answer, not a fault, and some are thrown on every invalid request.
        super(detail, null, false, false);
        this.problem = Problem.of(status, slug, title, detail, errors, extensions);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        this(type.status(), type.slug(), type.title(), detail, errors, extensions);
    }

    /** 422 {@code validation}: the request is readable but breaks rules, listed per field. */
    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, detail, errors, Map.of());
    }

    /** 422 {@code validation} of one field, e.g. {@code invalid("id", "is required")}. */
    public static ProblemException invalid(String field, String message) {
        return invalid(field + " " + message, List.of(new FieldError(field, message)));
    }

    /** The answer this refusal is. */
    public Problem problem() {
        return problem;
    }
}
