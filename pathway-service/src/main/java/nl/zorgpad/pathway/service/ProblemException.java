package nl.zorgpad.pathway.service;

import java.util.List;

/** A failure the caller can act on; the REST layer turns it into an RFC 9457 problem with this status. */
public class ProblemException extends RuntimeException {

    /** One field that failed validation, as a JSON-path-like name and a message. */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
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

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
