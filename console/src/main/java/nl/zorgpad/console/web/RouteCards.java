package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.zorgpad.console.client.Referrals.ContactPoint;
import nl.zorgpad.console.client.Regions.Conditions;
import nl.zorgpad.console.client.Regions.Municipality;
import nl.zorgpad.console.client.Regions.Partner;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.ResponseTargets;
import nl.zorgpad.console.client.Regions.Rule;
import nl.zorgpad.console.client.Regions.Version;

/**
 * The printable route card ("sociale kaart") of each municipality: per signal, the routes of the pathway version in
 * force that apply to that municipality, in the pathway's order (the first that fits the family is the route;
 * the conditions say when each applies), with partner, contact point and the instruction for the referrer. A
 * signal without such a route is printed as a white spot, so the card does not hide a gap.
 *
 * <p>Built from the published rules rather than from resolving one example family per municipality: an example
 * would show one case (one phase, one vulnerability level) and hide the rules for the others, while the rules show
 * every route with the case it is for. Which version is in force today comes from the coverage report, which
 * pathway-service computes with the same rules as route resolution. Routes to partners that are inactive or no
 * longer exist are left out, as resolution passes them over; a partner that is closed for now stays on the card.
 */
public final class RouteCards {

    private RouteCards() {
    }

    /** One municipality's card. */
    public record RouteCard(String municipalityCode, String municipalityName, List<SignalRoutes> signals) {
    }

    /** A signal's routes in this municipality; none is a white spot. */
    public record SignalRoutes(String signalType, String label, List<CardRoute> routes) {

        public boolean isWhiteSpot() {
            return routes.isEmpty();
        }
    }

    /**
     * One route: when it applies ({@code postcodes}: only these PC4 areas of the municipality; empty: all of it),
     * where to, what to do and how fast.
     */
    public record CardRoute(String partnerName, String partnerKind, ContactPoint contact, Conditions when,
                            List<String> postcodes, String instruction, ResponseTargets days) {

        /** Conditions besides the area: phase, vulnerability, age or urgency. */
        public boolean isConditional() {
            return !when.phases().isEmpty() || !when.vulnerabilities().isEmpty() || !when.urgencies().isEmpty()
                    || when.hasAges();
        }
    }

    /**
     * @param signals  every signal type of the region (also those without a pathway)
     * @param inForce  the version in force today per signal type; a signal without one has no routes
     * @param label    a signal code's name in the page's language; the cards list signals by it
     */
    static List<RouteCard> build(Region region, List<String> signals, Map<String, Version> inForce,
                                 List<Partner> partners, Function<String, String> label) {
        Map<String, Partner> byId = new HashMap<>();
        partners.forEach(p -> byId.put(p.id(), p));
        List<String> ordered = new ArrayList<>(signals);
        ordered.sort(Comparator.comparing(code -> label.apply(code).toLowerCase()));
        List<RouteCard> cards = new ArrayList<>();
        for (Municipality municipality : region.municipalities()) {
            List<SignalRoutes> lines = new ArrayList<>();
            for (String signal : ordered) {
                Version version = inForce.get(signal);
                List<CardRoute> routes = version == null ? List.of() : routes(version, municipality, byId);
                lines.add(new SignalRoutes(signal, label.apply(signal), routes));
            }
            cards.add(new RouteCard(municipality.code(), municipality.name(), List.copyOf(lines)));
        }
        return List.copyOf(cards);
    }

    private static List<CardRoute> routes(Version version, Municipality municipality, Map<String, Partner> partners) {
        List<CardRoute> routes = new ArrayList<>();
        for (Rule rule : version.rules()) {
            Conditions when = rule.when();
            List<String> postcodes;
            if (when.isRegionWide() || when.municipalities().contains(municipality.code())) {
                postcodes = List.of();
            } else {
                postcodes = when.postcodes().stream().filter(municipality.postcodes()::contains).toList();
                if (postcodes.isEmpty()) {
                    continue;
                }
            }
            Partner partner = rule.target() == null ? null : partners.get(rule.target().partnerId());
            if (partner == null || !partner.active()) {
                continue;
            }
            ContactPoint contact = partner.contactPoint(rule.target().contactPointId()).orElse(null);
            routes.add(new CardRoute(partner.name(), partner.kind(), contact, when, postcodes, rule.instruction(),
                    rule.responseTargetWorkingDays()));
        }
        return List.copyOf(routes);
    }
}
