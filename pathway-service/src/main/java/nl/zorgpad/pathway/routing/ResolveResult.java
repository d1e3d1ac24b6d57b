package nl.zorgpad.pathway.routing;

import java.util.List;

/** The answer to "for these signals, for this family, where do I hand over?". */
public record ResolveResult(Phase phase, String municipalityCode, List<SignalResult> results) {

    /** The routes for one signal: a primary route and ranked alternatives, or an explicit no-route gap. */
    public record SignalResult(String signalType, String status, Route primary, List<Route> alternatives,
                               List<PassedOver> passedOver, String gap) {

        public static final String ROUTED = "routed";
        public static final String NO_ROUTE = "no-route";

        static SignalResult noRoute(String signalType, List<PassedOver> passedOver, String gap) {
            return new SignalResult(signalType, NO_ROUTE, null, List.of(), passedOver, gap);
        }
    }

    /** Where to hand over, following which pathway version and why it matched. */
    public record Route(String partnerId, String partnerName, String partnerKind, ContactPoint contactPoint,
                        String instruction, RouteRule.ResponseTargets responseTargetWorkingDays,
                        CapacityStatus capacityStatus, Integer waitlistWeeks, String pathwayId, int pathwayVersion,
                        String regionId, String matchReason) {
    }

    /** A matching route that was skipped, and why ("closed", "inactive"). */
    public record PassedOver(String partnerId, String partnerName, String reason) {
    }
}
