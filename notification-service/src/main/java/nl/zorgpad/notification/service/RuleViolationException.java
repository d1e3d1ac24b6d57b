package nl.zorgpad.notification.service;

import java.util.List;
import nl.zorgpad.commons.problem.FieldError;

/**
 * Well-formed input that a rule of the service refuses (a webhook URL the URL policy does not allow, an unknown
 * event type, a secret of the wrong form): answered 422, one entry per offending field.
 */
public class RuleViolationException extends InvalidRequestException {

    public RuleViolationException(List<FieldError> errors) {
        super(422, "rule-violation", "Unprocessable request", errors);
    }
}
