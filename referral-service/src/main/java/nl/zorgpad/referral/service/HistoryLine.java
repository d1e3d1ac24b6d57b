package nl.zorgpad.referral.service;

import java.time.Instant;
import nl.zorgpad.referral.domain.StatusChange;

/** One status change as shown in a referral's history. */
public record HistoryLine(String fromStatus, String toStatus, String actorUserId, String actorOrganisationId,
                          Instant at, String reasonCode, String reasonText, String outcome) {

    static HistoryLine of(StatusChange c) {
        return new HistoryLine(c.fromStatus, c.toStatus, c.actorUserId, c.actorOrgId, c.at, c.reasonCode,
                c.reasonText, c.outcome);
    }
}
