package nl.zorgpad.notification.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.ProblemException;

/** The request is valid but the current state does not allow it. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(409, "conflict", "Conflict", message, List.of(), Map.of());
    }
}
