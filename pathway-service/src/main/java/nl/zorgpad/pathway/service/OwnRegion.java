package nl.zorgpad.pathway.service;

import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;

/**
 * The tenant rule of pathway-service: a coordinator's organisation ({@code org_id}) is their region, and every other
 * region, and anything in it, does not exist for them.
 */
final class OwnRegion {

    private OwnRegion() {
    }

    /**
     * Fails with 404 unless {@code regionId} is the caller's organisation, and with 403 when the token names no
     * organisation at all (commons' rule for a use case that needs it: such a token belongs to no region).
     */
    static void require(Caller caller, String regionId) {
        if (!caller.organisationId().equals(regionId)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
    }
}
