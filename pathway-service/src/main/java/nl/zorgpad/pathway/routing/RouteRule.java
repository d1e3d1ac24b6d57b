package nl.zorgpad.pathway.routing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One route of a pathway: when it applies, where the family goes, what the referrer should do and how fast the
 * partner has agreed to respond. Stored as JSON inside a pathway version and shown as such by the API.
 */
public record RouteRule(
        @Valid Conditions when,
        @NotNull @Valid Target target,
        @Size(max = 2000) String instruction,
        @Valid ResponseTargets responseTargetWorkingDays) {

    public RouteRule {
        when = when == null ? Conditions.ANY : when;
    }

    /** The partner and (optionally) which of its contact points takes the referral. */
    public record Target(@NotNull @Size(min = 1, max = 64) String partnerId, @Size(max = 64) String contactPointId) {
    }

    /** Agreed response time in working days per urgency. */
    public record ResponseTargets(@jakarta.validation.constraints.PositiveOrZero int routine,
                                  @jakarta.validation.constraints.PositiveOrZero int urgent) {
    }
}
