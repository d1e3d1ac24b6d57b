package nl.zorgpad.pathway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.Optional;
import nl.zorgpad.pathway.routing.ResolveResult.PassedOver;
import nl.zorgpad.pathway.routing.ResolveResult.Route;
import nl.zorgpad.pathway.routing.ResolveResult.SignalResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
                                       Place place, RouteQuery query, Supplier<String> noRouteGap) {
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
        return SignalResult.noRoute(signalType, List.of(), noRouteGap.get() + " (pathway " + pathway.pathwayId() + " v"
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

    /**
     * Coverage of one municipality and phase over every case a referrer can ask about there: each vulnerability
     * level, urgency, client age (0-120) and, where rules name PC4 areas, each PC4 area of the municipality.
     */
    public enum Coverage {
        /** Every case finds a partner that takes referrals. */
        ROUTED("routed"),
        /** Some cases do, others do not (listed as gaps). */
        PARTLY_ROUTED("partly-routed"),
        /** No case does, but rules exist whose partners are closed or inactive. */
        ONLY_CLOSED("only-closed"),
        /** No rule applies to any case. */
        NOT_ROUTED("not-routed");

        private final String code;

        Coverage(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * Cases of a partly routed cell that find no open route, in the terms of rule conditions: an empty list or a
     * missing age bound means "any". {@code status} says whether they find only closed partners or no rule at all.
     */
    public record Gap(
            @Schema(description = "Whether these cases find only closed partners or no rule at all",
                    examples = "not-routed",
                    required = true,
                    enumeration = {"only-closed", "not-routed"})
            String status,
            @Schema(description = "The PC4 areas of the cases; empty for any", examples = "[\"9203\"]",
                    required = true)
            List<String> postcodes,
            @Schema(description = "The vulnerability levels of the cases; empty for any",
                    examples = "[\"self-reliant\", \"potentially-vulnerable\"]", required = true)
            List<Vulnerability> vulnerabilities,
            @Schema(description = "The urgencies of the cases; empty for any", examples = "[\"urgent\"]",
                    required = true)
            List<Urgency> urgencies,
            @Schema(description = "The lowest client age of the cases; null for no lower bound", examples = "18",
                    required = true, nullable = true)
            Integer minAge,
            @Schema(description = "The highest client age of the cases; null for no upper bound", examples = "23",
                    required = true, nullable = true)
            Integer maxAge) {

        /** E.g. "vulnerability self-reliant, potentially-vulnerable; urgency urgent: not-routed". */
        public String describe() {
            List<String> parts = new ArrayList<>();
            if (!postcodes.isEmpty()) {
                parts.add("PC4 " + String.join(", ", postcodes));
            }
            if (!vulnerabilities.isEmpty()) {
                parts.add("vulnerability " + String.join(", ", vulnerabilities.stream().map(Vulnerability::code)
                        .toList()));
            }
            if (!urgencies.isEmpty()) {
                parts.add("urgency " + String.join(", ", urgencies.stream().map(Urgency::code).toList()));
            }
            if (minAge != null || maxAge != null) {
                parts.add("age " + (minAge == null ? MIN_AGE : minAge) + (maxAge == null ? "+" : "-" + maxAge));
            }
            return (parts.isEmpty() ? "every case" : String.join("; ", parts)) + ": " + status;
        }
    }

    /** The coverage of a cell, with the gaps of a partly routed one. */
    public record CellCoverage(Coverage coverage, List<Gap> gaps) {

        public CellCoverage {
            gaps = List.copyOf(gaps);
        }
    }

    static final int MIN_AGE = 0;
    static final int MAX_AGE = 120;

    /** One case of a cell: a PC4 area (or null: the whole municipality), vulnerability, urgency and age band. */
    private record Case(String postcode, Vulnerability vulnerability, Urgency urgency, int band) {
    }

    public static CellCoverage coverage(PublishedPathway pathway, Map<String, PartnerCard> partners,
                                        Municipality municipality, Phase phase) {
        if (pathway == null) {
            return new CellCoverage(Coverage.NOT_ROUTED, List.of());
        }
        List<RouteRule> rules = new ArrayList<>();
        boolean byPostcode = false;
        TreeSet<Integer> bandStarts = new TreeSet<>(List.of(MIN_AGE));
        for (RouteRule rule : pathway.rules()) {
            Conditions when = rule.when();
            boolean postcodes = when.postcodes().stream().anyMatch(municipality.postcodes()::contains);
            boolean area = when.regionWide() || when.municipalities().contains(municipality.code()) || postcodes;
            if (!area || !(when.phases().isEmpty() || when.phases().contains(phase))) {
                continue;
            }
            rules.add(rule);
            byPostcode |= postcodes && !when.municipalities().contains(municipality.code());
            if (when.minAge() != null && when.minAge() > MIN_AGE && when.minAge() <= MAX_AGE) {
                bandStarts.add(when.minAge());
            }
            if (when.maxAge() != null && when.maxAge() < MAX_AGE) {
                bandStarts.add(when.maxAge() + 1);
            }
        }
        if (rules.isEmpty()) {
            return new CellCoverage(Coverage.NOT_ROUTED, List.of());
        }
        List<String> places = new ArrayList<>();
        if (byPostcode && !municipality.postcodes().isEmpty()) {
            places.addAll(municipality.postcodes());
        } else {
            places.add(null);
        }
        List<Integer> bands = List.copyOf(bandStarts);
        Map<Case, Coverage> outcomes = new LinkedHashMap<>();
        for (int band = 0; band < bands.size(); band++) {
            for (Urgency urgency : Urgency.values()) {
                for (Vulnerability vulnerability : Vulnerability.values()) {
                    for (String postcode : places) {
                        Place place = new Place(pathway.regionId(), municipality.code(), municipality.name(),
                                postcode);
                        RouteQuery query = new RouteQuery(postcode, municipality.code(), List.of(), phase,
                                vulnerability, bands.get(band), urgency);
                        outcomes.put(new Case(postcode, vulnerability, urgency, band),
                                outcome(rules, partners, place, query));
                    }
                }
            }
        }
        long routed = outcomes.values().stream().filter(Coverage.ROUTED::equals).count();
        if (routed == outcomes.size()) {
            return new CellCoverage(Coverage.ROUTED, List.of());
        }
        if (routed == 0) {
            return new CellCoverage(outcomes.containsValue(Coverage.ONLY_CLOSED) ? Coverage.ONLY_CLOSED
                    : Coverage.NOT_ROUTED, List.of());
        }
        return new CellCoverage(Coverage.PARTLY_ROUTED, gaps(outcomes, places, bands));
    }

    private static Coverage outcome(List<RouteRule> rules, Map<String, PartnerCard> partners, Place place,
                                    RouteQuery query) {
        boolean closed = false;
        for (RouteRule rule : rules) {
            if (matches(rule.when(), place, query)) {
                PartnerCard partner = partners.get(rule.target().partnerId());
                if (partner != null && partner.available()) {
                    return Coverage.ROUTED;
                }
                closed = true;
            }
        }
        return closed ? Coverage.ONLY_CLOSED : Coverage.NOT_ROUTED;
    }

    /**
     * Folds the uncovered cases into few condition sets: per outcome, vulnerability, urgency and age band the PC4
     * areas; then the vulnerabilities with the same areas; then the urgencies; then adjacent age bands.
     */
    private static List<Gap> gaps(Map<Case, Coverage> outcomes, List<String> places, List<Integer> bands) {
        record ByArea(String status, Vulnerability vulnerability, Urgency urgency, int band) {
        }
        record ByLevel(String status, Urgency urgency, int band, List<String> postcodes) {
        }
        record ByUrgency(String status, int band, List<String> postcodes, List<Vulnerability> levels) {
        }
        record ByBand(String status, List<String> postcodes, List<Vulnerability> levels, List<Urgency> urgencies) {
        }
        Map<ByArea, List<String>> areas = new LinkedHashMap<>();
        outcomes.forEach((c, outcome) -> {
            if (outcome != Coverage.ROUTED) {
                areas.computeIfAbsent(new ByArea(outcome.code(), c.vulnerability(), c.urgency(), c.band()),
                        k -> new ArrayList<>()).add(c.postcode());
            }
        });
        Map<ByLevel, List<Vulnerability>> levels = new LinkedHashMap<>();
        areas.forEach((k, postcodes) -> levels.computeIfAbsent(new ByLevel(k.status(), k.urgency(), k.band(),
                postcodes.size() == places.size() ? List.of() : List.copyOf(postcodes)),
                x -> new ArrayList<>()).add(k.vulnerability()));
        Map<ByUrgency, List<Urgency>> urgencies = new LinkedHashMap<>();
        levels.forEach((k, found) -> urgencies.computeIfAbsent(new ByUrgency(k.status(), k.band(), k.postcodes(),
                found.size() == Vulnerability.values().length ? List.of() : List.copyOf(found)),
                x -> new ArrayList<>()).add(k.urgency()));
        Map<ByBand, List<Integer>> ages = new LinkedHashMap<>();
        urgencies.forEach((k, found) -> ages.computeIfAbsent(new ByBand(k.status(), k.postcodes(), k.levels(),
                found.size() == Urgency.values().length ? List.of() : List.copyOf(found)),
                x -> new ArrayList<>()).add(k.band()));
        List<Gap> gaps = new ArrayList<>();
        ages.forEach((k, found) -> {
            int from = 0;
            while (from < found.size()) {
                int to = from;
                while (to + 1 < found.size() && found.get(to + 1) == found.get(to) + 1) {
                    to++;
                }
                int first = found.get(from);
                int last = found.get(to);
                Integer minAge = first == 0 ? null : bands.get(first);
                Integer maxAge = last == bands.size() - 1 ? null : bands.get(last + 1) - 1;
                gaps.add(new Gap(k.status(), k.postcodes(), k.levels(), k.urgencies(), minAge, maxAge));
                from = to + 1;
            }
        });
        return gaps;
    }
}
