package nl.zorgpad.pathway.routing;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to "for these signals, for this family, where do I hand over?". */
public record ResolveResult(
        @Schema(description = "The family's phase of the first 1000 days, as given or derived from the dates",
                required = true)
        Phase phase,
        @Schema(description = "CBS code of the family's municipality; null when no region covers the postcode given",
                examples = "GM0090", required = true, nullable = true)
        String municipalityCode,
        @Schema(description = "One result per signal type asked about, in the order asked", required = true)
        List<SignalResult> results) {

    /** The routes for one signal: a primary route and ranked alternatives, or an explicit no-route gap. */
    public record SignalResult(
            @Schema(description = "The signal type's code", examples = "financial-debt", required = true)
            String signalType,
            @Schema(description = "Routed (a primary route exists) or no-route (see gap)",
                    examples = "routed",
                    required = true,
                    enumeration = {"routed", "no-route"})
            String status,
            @Schema(description = "Where to hand over; null when there is no route", required = true,
                    nullable = true)
            Route primary,
            @Schema(description = "Other matching routes whose partners take referrals, ranked", required = true)
            List<Route> alternatives,
            @Schema(description = "Matching routes skipped because their partner is closed, inactive or unknown",
                    required = true)
            List<PassedOver> passedOver,
            @Schema(description = "Why there is no route, in words; null when routed",
                    examples = "No region covers postcode area 9999, so no pathway routes signal teen-parent",
                    required = true, nullable = true)
            String gap) {

        public static final String ROUTED = "routed";
        public static final String NO_ROUTE = "no-route";

        static SignalResult noRoute(String signalType, List<PassedOver> passedOver, String gap) {
            return new SignalResult(signalType, NO_ROUTE, null, List.of(), passedOver, gap);
        }
    }

    /** Where to hand over, following which pathway version and why it matched. */
    public record Route(
            @Schema(description = "The partner's id", examples = "partner-wijkteam-smallingerland", required = true)
            String partnerId,
            @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
            String partnerName,
            @Schema(description = "What kind of organisation the partner is",
                    examples = "district-team",
                    required = true,
                    enumeration = {"district-team", "debt-counselling", "youth-health-care", "mental-health",
                            "veilig-thuis", "maternity-care", "programme", "other"})
            String partnerKind,
            @Schema(description = "Who at the partner takes the handover; null for the partner as a whole",
                    required = true, nullable = true)
            ContactPoint contactPoint,
            @Schema(description = "What the referrer should do or tell the family; null when there is none",
                    examples = "Discuss the child package.", required = true, nullable = true)
            String instruction,
            @Schema(description = "The partner's agreed response time per urgency; null when none was agreed",
                    required = true, nullable = true)
            RouteRule.ResponseTargets responseTargetWorkingDays,
            @Schema(description = "Whether the partner takes new referrals now", required = true)
            CapacityStatus capacityStatus,
            @Schema(description = "Weeks on the waiting list; null unless capacityStatus is waitlist",
                    examples = "3", required = true, nullable = true)
            Integer waitlistWeeks,
            @Schema(description = "The pathway that gave the route", examples = "pw-1", required = true)
            String pathwayId,
            @Schema(description = "The version of that pathway", examples = "2", required = true)
            int pathwayVersion,
            @Schema(description = "The region (VSV) whose pathway gave the route",
                    examples = "region-zuidoost-friesland", required = true)
            String regionId,
            @Schema(description = "Which rule matched and on what, in words",
                    examples = "rule 1: municipality Smallingerland (GM0090), phase pregnancy", required = true)
            String matchReason) {
    }

    /** A matching route that was skipped, and why ("closed", "inactive"). */
    public record PassedOver(
            @Schema(description = "The skipped partner's id", examples = "partner-old-programme", required = true)
            String partnerId,
            @Schema(description = "The skipped partner's name; null when the partner is unknown",
                    examples = "Oud programma", required = true, nullable = true)
            String partnerName,
            @Schema(description = "Why it was skipped",
                    examples = "closed",
                    required = true,
                    enumeration = {"closed", "inactive", "unknown"})
            String reason) {
    }
}
