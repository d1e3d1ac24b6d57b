package nl.zorgpad.pathway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.pathway.routing.ResolveResult.PassedOver;
import nl.zorgpad.pathway.routing.ResolveResult.Route;
import nl.zorgpad.pathway.routing.ResolveResult.SignalResult;

/**
 * Walks a pathway's rules in order. The first matching rule whose partner takes referrals is the primary route;
 * later matching rules are ranked alternatives; matching rules whose partner is closed or inactive are passed over.
 */
public final class RouteMatcher {

    private RouteMatcher() {
    }

    /** Where the family lives, resolved against a region. */
    public record Place(String regionId, String municipalityCode, String municipalityName, String postcode) {
    }

    public static boolean matches(Conditions when, Place place, RouteQuery query) {
        return inArea(when, place)
                && (when.phases().isEmpty() || when.phases().contains(query.phase()))
                && (when.vulnerabilities().isEmpty()
                    || (query.vulnerability() != null && when.vulnerabilities().contains(query.vulnerability())))
                && (when.minAge() == null || (query.clientAge() != null && query.clientAge() >= when.minAge()))
                && (when.maxAge() == null || (query.clientAge() != null && query.clientAge() <= when.maxAge()))
                && (when.urgencies().isEmpty() || when.urgencies().contains(query.urgency()));
    }

    static boolean inArea(Conditions when, Place place) {
        return when.regionWide()
                || when.municipalities().contains(place.municipalityCode())
                || (place.postcode() != null && when.postcodes().contains(place.postcode()));
    }

    public static SignalResult resolve(String signalType, PublishedPathway pathway, Map<String, PartnerCard> partners,
                                       Place place, RouteQuery query, String noRouteGap) {
        Route primary = null;
        List<Route> alternatives = new ArrayList<>();
        List<PassedOver> passedOver = new ArrayList<>();
        List<RouteRule> rules = pathway.rules();
        for (int i = 0; i < rules.size(); i++) {
            RouteRule rule = rules.get(i);
            if (!matches(rule.when(), place, query)) {
                continue;
            }
            PartnerCard partner = partners.get(rule.target().partnerId());
            if (partner == null || !partner.available()) {
                passedOver.add(new PassedOver(rule.target().partnerId(), partner == null ? null : partner.name(),
                        partner == null ? "unknown" : !partner.active() ? "inactive" : "closed"));
                continue;
            }
            Route route = route(pathway, i, rule, partner, place, query);
            if (primary == null) {
                primary = route;
            } else if (alternatives.stream().noneMatch(alt -> alt.partnerId().equals(route.partnerId())
                    && java.util.Objects.equals(alt.contactPoint(), route.contactPoint()))
                    && !(primary.partnerId().equals(route.partnerId())
                    && java.util.Objects.equals(primary.contactPoint(), route.contactPoint()))) {
                alternatives.add(route);
            }
        }
        if (primary != null) {
            return new SignalResult(signalType, SignalResult.ROUTED, primary, List.copyOf(alternatives),
                    List.copyOf(passedOver), null);
        }
        if (!passedOver.isEmpty()) {
            return SignalResult.noRoute(signalType, List.copyOf(passedOver), "Every route of pathway "
                    + pathway.pathwayId() + " v" + pathway.version() + " for signal " + signalType
                    + " in this case leads to a partner that takes no referrals now");
        }
        return SignalResult.noRoute(signalType, List.of(), noRouteGap + " (pathway " + pathway.pathwayId() + " v"
                + pathway.version() + " has no rule for this case)");
    }

    private static Route route(PublishedPathway pathway, int index, RouteRule rule, PartnerCard partner, Place place,
                               RouteQuery query) {
        Optional<ContactPoint> contact = partner.contactPoint(rule.target().contactPointId());
        return new Route(partner.id(), partner.name(), partner.kind(), contact.orElse(null), rule.instruction(),
                rule.responseTargetWorkingDays(), partner.capacityStatus(),
                partner.capacityStatus() == CapacityStatus.WAITLIST ? partner.waitlistWeeks() : null,
                pathway.pathwayId(), pathway.version(), pathway.regionId(),
                reason(index, rule.when(), place, query));
    }

    static String reason(int index, Conditions when, Place place, RouteQuery query) {
        List<String> parts = new ArrayList<>();
        if (when.regionWide()) {
            parts.add("whole region");
        } else if (when.municipalities().contains(place.municipalityCode())) {
            parts.add("municipality " + place.municipalityName() + " (" + place.municipalityCode() + ")");
        } else {
            parts.add("postcode area " + place.postcode());
        }
        if (!when.phases().isEmpty()) {
            parts.add("phase " + query.phase().code());
        }
        if (!when.vulnerabilities().isEmpty()) {
            parts.add("vulnerability " + query.vulnerability().code());
        }
        if (when.minAge() != null || when.maxAge() != null) {
            parts.add("age " + query.clientAge() + " in " + (when.minAge() == null ? "" : when.minAge()) + ".."
                    + (when.maxAge() == null ? "" : when.maxAge()));
        }
        if (!when.urgencies().isEmpty()) {
            parts.add("urgency " + query.urgency().code());
        }
        return "rule " + (index + 1) + ": " + String.join(", ", parts);
    }

    /** Coverage of one municipality and phase, whatever the vulnerability, age or urgency. */
    public enum Coverage {
        ROUTED("routed"), ONLY_CLOSED("only-closed"), NOT_ROUTED("not-routed");

        private final String code;

        Coverage(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public static Coverage coverage(PublishedPathway pathway, Map<String, PartnerCard> partners,
                                    Municipality municipality, Phase phase) {
        if (pathway == null) {
            return Coverage.NOT_ROUTED;
        }
        boolean closedOnly = false;
        for (RouteRule rule : pathway.rules()) {
            Conditions when = rule.when();
            boolean area = when.regionWide() || when.municipalities().contains(municipality.code())
                    || when.postcodes().stream().anyMatch(municipality.postcodes()::contains);
            if (!area || !(when.phases().isEmpty() || when.phases().contains(phase))) {
                continue;
            }
            PartnerCard partner = partners.get(rule.target().partnerId());
            if (partner != null && partner.available()) {
                return Coverage.ROUTED;
            }
            closedOnly = true;
        }
        return closedOnly ? Coverage.ONLY_CLOSED : Coverage.NOT_ROUTED;
    }
}
