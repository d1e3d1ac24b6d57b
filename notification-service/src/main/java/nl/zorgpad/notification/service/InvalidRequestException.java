package nl.zorgpad.notification.service;

import java.util.List;

/** Input that passed bean validation but breaks a rule of the service; one entry per offending field. */
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
