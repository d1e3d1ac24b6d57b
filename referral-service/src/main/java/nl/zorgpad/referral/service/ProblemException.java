package nl.zorgpad.referral.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;

/** referral-service's refusals, by name. */
public class ProblemException extends nl.zorgpad.commons.problem.ProblemException {

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                            Map<String, Object> extensions) {
        super(status, type, title, detail, errors, extensions);
    }

    public static ProblemException invalid(String detail, List<FieldError> errors) {
        return new ProblemException(422, "validation", "The request is not valid", detail, errors, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(field + " " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " does not exist or is not yours", null,
                null);
    }

    public static ProblemException conflict(String type, String title, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, type, title, detail, null, extensions);
    }

    public static ProblemException forbidden(String detail, Map<String, Object> extensions) {
        return new ProblemException(403, "forbidden", "Not allowed for your organisation or role", detail, null,
                extensions);
    }

    public static ProblemException stale(int current) {
        return new ProblemException(412, "stale", "The referral changed in the meantime",
                "If-Match does not match the current version; read the referral again and retry",
                null, Map.of("currentETag", "\"" + current + "\""));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "If-Match is required",
                "Send the ETag you read in If-Match so that no change by someone else is overwritten", null, null);
    }
}
