package nl.zorgpad.pathway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One route of a pathway: when it applies, where the family goes, what the referrer should do and how fast the
 * partner has agreed to respond. Stored as JSON inside a pathway version and shown as such by the API.
 */
public record RouteRule(
        @Schema(description = "When the rule applies; left out, it applies to every family in the region")
        @Valid Conditions when,
        @Schema(description = "The partner the family is handed over to")
        @NotNull @Valid Target target,
        @Schema(description = "What the referrer should do or tell the family; null when there is none",
                examples = "Discuss the child package; the district team visits within a week.", nullable = true)
        @Size(max = 2000) String instruction,
        @Schema(description = "The partner's agreed response time per urgency; null when none was agreed",
                nullable = true)
        @Valid ResponseTargets responseTargetWorkingDays) {

    public RouteRule {
        when = when == null ? Conditions.ANY : when;
    }

    /** The partner and (optionally) which of its contact points takes the referral. */
    public record Target(
            @Schema(description = "The partner's id", examples = "partner-wijkteam-smallingerland")
            @NotNull @Size(min = 1, max = 64) String partnerId,
            @Schema(description = "The partner's contact point that takes the referral; null for the partner as a"
                    + " whole", examples = "intake", nullable = true)
            @Size(max = 64) String contactPointId) {
    }

    /** Agreed response time in working days per urgency. */
    public record ResponseTargets(
            @Schema(description = "Working days to respond to a routine referral; 0 when left out", examples = "5")
            @jakarta.validation.constraints.PositiveOrZero int routine,
            @Schema(description = "Working days to respond to an urgent referral; 0 when left out", examples = "1")
            @jakarta.validation.constraints.PositiveOrZero int urgent) {
    }
}
