package nl.zorgpad.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.Route;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a create: every handover made, every signal left without a route. */
public record CreatedReferrals(
        @Schema(description = "Phase of the first 1000 days the routes were resolved for",
                examples = "pregnancy",
                required = true,
                enumeration = {"preconception", "pregnancy", "postpartum"})
        String phase,
        @Schema(description = "CBS code of the family's municipality",
                examples = "GM0090",
                required = true,
                nullable = true)
        String municipalityCode,
        @Schema(description = "One handover per partner; its signals went to that partner", required = true)
        List<CreatedHandover> handovers,
        @Schema(description = "Signals no pathway routes here: hand these over by other means", required = true)
        List<HandoverPlan.Gap> gaps) {

    public record CreatedHandover(
            @Schema(description = "The new referral's id",
                    examples = "0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10",
                    required = true)
            UUID referralId,
            @Schema(description = "Where to read it",
                    examples = "/api/referrals/0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10",
                    required = true)
            String location,
            @Schema(description = "Always requested for a new referral",
                    examples = "requested",
                    required = true,
                    enumeration = {"requested"})
            String status,
            @Schema(description = "The partner organisation it was handed over to",
                    examples = "partner-wijkteam-smallingerland",
                    required = true)
            String partnerId,
            @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
            String partnerName,
            @Schema(description = "The partner's kind, as pathway-service names it",
                    examples = "district-team",
                    required = true,
                    nullable = true)
            String partnerKind,
            @Schema(description = "Who at the partner takes the handover", required = true, nullable = true)
            Route.ContactPoint contactPoint,
            @Schema(description = "The pathway's instruction for this handover",
                    examples = "Call the family within two working days",
                    required = true,
                    nullable = true)
            String instruction,
            @Schema(description = "The pathway that routed it; null when the midwife chose the partner",
                    examples = "pw-financial-debt",
                    required = true,
                    nullable = true)
            String pathwayId,
            @Schema(description = "The version of that pathway", examples = "3", required = true, nullable = true)
            Integer pathwayVersion,
            @Schema(description = "The signals handed over to this partner", required = true)
            List<String> signalCodes,
            @Schema(description = "The date by which the partner must accept or reject",
                    examples = "2026-12-01",
                    required = true)
            LocalDate acknowledgeDeadline,
            @Schema(description = "True when the midwife chose the partner instead of the resolved route",
                    required = true)
            boolean partnerOverride,
            @Schema(description = "The partner's capacity when routed: open, waitlist or closed",
                    examples = "open",
                    required = true,
                    nullable = true)
            String capacityStatus,
            @Schema(description = "Weeks of waiting list, when capacityStatus is waitlist",
                    examples = "6",
                    required = true,
                    nullable = true)
            Integer waitlistWeeks,
            @Schema(description = "The rejected referral this one re-routes", required = true, nullable = true)
            UUID previousReferralId) {
    }
}
