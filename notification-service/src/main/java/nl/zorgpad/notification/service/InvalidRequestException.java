package nl.zorgpad.notification.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;

/** Input the service cannot use (400, or 422 as {@link RuleViolationException}); one entry per offending field. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(List<FieldError> errors) {
        this(400, "validation", "Invalid request", errors);
    }

    protected InvalidRequestException(int status, String slug, String title, List<FieldError> errors) {
        super(status, slug, title, "The request has invalid fields", errors, Map.of());
    }
}
