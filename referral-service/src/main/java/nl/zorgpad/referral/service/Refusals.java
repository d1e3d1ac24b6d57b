package nl.zorgpad.referral.service;

import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;

/**
 * The refusals referral-service words the same way in several places, as commons {@link ProblemException}s of the
 * product's {@link ProblemType}s (status, type and title come from there; the detail and extensions from here).
 */
public final class Refusals {

    private Refusals() {
    }

    /** 404: the same answer for "does not exist" and "not yours", so foreign referrals cannot be probed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " does not exist or is not yours");
    }

    /** 412 with the version that is current now, as the ETag to send next ({@code currentETag}). */
    public static ProblemException stale(int current) {
        return new ProblemException(ProblemType.STALE,
                "If-Match does not match the current version; read the referral again and retry", List.of(),
                Map.of("currentETag", "\"" + current + "\""));
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                "Send the ETag you read in If-Match so that no change by someone else is overwritten");
    }
}
