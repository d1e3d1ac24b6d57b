package nl.zorgpad.referral.service;

import java.time.Instant;
import nl.zorgpad.referral.domain.StatusChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One status change as shown in a referral's history. */
public record HistoryLine(
        // No enumeration: the client generator cannot make a nullable enum; toStatus lists the values.
        @Schema(description = "The status before (one of toStatus' values); null for the creation",
                examples = "requested",
                required = true,
                nullable = true)
        String fromStatus,
        @Schema(description = "The status after", examples = "accepted", required = true,
                enumeration = {"requested", "accepted", "rejected", "in-progress", "on-hold",
                        "completed", "failed", "cancelled"})
        String toStatus,
        @Schema(description = "Who changed it (user name in the token)", examples = "daan", required = true)
        String actorUserId,
        @Schema(description = "On behalf of which organisation",
                examples = "partner-wijkteam-smallingerland",
                required = true)
        String actorOrganisationId,
        @Schema(description = "When", examples = "2026-11-24T10:02:00Z", required = true)
        Instant at,
        @Schema(description = "Why, for a rejection, hold, failure or cancellation",
                examples = "no-capacity",
                required = true,
                nullable = true)
        String reasonCode,
        @Schema(description = "The reason in words; erased with the client details", required = true, nullable = true)
        String reasonText,
        @Schema(description = "What came of it, on completion; erased with the client details",
                required = true,
                nullable = true)
        String outcome) {

    static HistoryLine of(StatusChange c) {
        return new HistoryLine(c.fromStatus, c.toStatus, c.actorUserId, c.actorOrgId, c.at, c.reasonCode,
                c.reasonText, c.outcome);
    }
}
