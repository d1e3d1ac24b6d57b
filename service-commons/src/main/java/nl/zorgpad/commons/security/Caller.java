package nl.zorgpad.commons.security;

import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;

/**
 * Who is calling, read from the verified access token: the user (or client) id, the organisation the token names
 * ({@code org_id}: a practice, a partner or a region), the realm roles, and on whose behalf the call is made.
 *
 * <p>One rule for a token without an organisation, in every service: the call is not refused up front (health
 * and public reads need none), but any use case that needs the organisation is refused with 403, because such a
 * token belongs to nobody whose data could be shown.
 */
public record Caller(String userId, Optional<String> organisation, Set<String> roles, String onBehalfOf) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller's organisation; 403 when the token names none. */
    public String organisationId() {
        return organisation.orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "The access token names no organisation (claim org_id)"));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when the token names {@code organisationId} as the caller's organisation. */
    public boolean belongsTo(String organisationId) {
        return organisationId != null && organisation.map(organisationId::equals).orElse(false);
    }
}
