package nl.zorgpad.notification.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.ProblemException;

/** The thing does not exist, or the caller's organisation may not see it (the same answer for both). */
public class NotFoundException extends ProblemException {

    public NotFoundException(String message) {
        super(404, "not-found", "Not found", message, List.of(), Map.of());
    }
}
