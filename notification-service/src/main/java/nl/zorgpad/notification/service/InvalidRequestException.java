package nl.zorgpad.notification.service;

import java.util.List;

/** Input the service cannot use (400, or 422 as {@link RuleViolationException}); one entry per offending field. */
public class InvalidRequestException extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super("The request has invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
