package nl.zorgpad.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;

/** Tenant rule: an organisation manages its own notifications; a vsv-admin also those of its region's partners. */
@ApplicationScoped
public class Access {

    private final PartnerProjection partners;

    public Access(PartnerProjection partners) {
        this.partners = partners;
    }

    public boolean mayManage(Caller caller, String organisationId) {
        return caller.organisationId().equals(organisationId)
                || (caller.hasRole(Roles.VSV_ADMIN)
                        && partners.isPartnerInRegion(organisationId, caller.organisationId()));
    }

    /** Refuses with 404 unless the caller may manage the organisation (no existence leak). */
    public void requireManage(Caller caller, String organisationId) {
        if (!mayManage(caller, organisationId)) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "No subscriptions for organisation " + organisationId);
        }
    }
}
