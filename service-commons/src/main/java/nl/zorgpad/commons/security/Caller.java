package nl.zorgpad.commons.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;

/**
 * Who is calling, read from the verified access token: the user (or client) id, the organisation the token names
 * ({@code org_id}: a practice, a partner or a region), the realm roles, on whose behalf the call is made, the
 * application the token was issued to ({@code azp}: the console, a practice's software, a service), and for a privacy
 * officer the organisations she answers for ({@code privacy_org_ids}).
 *
 * <p>One rule for a token without an organisation, in every service: the call is not refused up front (health
 * and public reads need none), but any use case that needs the organisation is refused with 403, because such a
 * token belongs to nobody whose data could be shown.
 */
public record Caller(String userId, Optional<String> organisation, Set<String> roles, String onBehalfOf,
                     Optional<String> application, Set<String> privacyOrganisations) {

    /** The zorgpad roles in the order in which one names a caller who has several (a person has one). */
    private static final List<String> ZORGPAD_ROLES = List.of(Roles.MIDWIFE, Roles.DISTRICT_TEAM, Roles.VSV_ADMIN,
            Roles.PRIVACY_OFFICER, Roles.SERVICE);

    public Caller {
        roles = Set.copyOf(roles);
        privacyOrganisations = Set.copyOf(privacyOrganisations);
    }

    /** A caller whose token names no application and no organisations to answer for as privacy officer. */
    public Caller(String userId, Optional<String> organisation, Set<String> roles, String onBehalfOf) {
        this(userId, organisation, roles, onBehalfOf, Optional.empty(), Set.of());
    }

    /** The same caller acting for {@code someone} (practice software acting for the midwife who referred). */
    public Caller actingFor(String someone) {
        return new Caller(userId, organisation, roles, someone, application, privacyOrganisations);
    }

    /** The caller's organisation; 403 when the token names none. */
    public String organisationId() {
        return organisation.orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "The access token names no organisation (claim org_id)"));
    }

    /** The organisations a privacy officer answers for; 403 when the token names none. */
    public Set<String> privacyOrganisationIds() {
        if (privacyOrganisations.isEmpty()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "The access token names no organisation to answer for (claim privacy_org_ids)");
        }
        return privacyOrganisations;
    }

    /** The caller's zorgpad role (midwife, district-team, ...), for the access log; empty when she has none. */
    public Optional<String> role() {
        return ZORGPAD_ROLES.stream().filter(roles::contains).findFirst();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** True when the token names {@code organisationId} as the caller's organisation. */
    public boolean belongsTo(String organisationId) {
        return organisationId != null && organisation.map(organisationId::equals).orElse(false);
    }
}
