package nl.zorgpad.pathway.routing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import nl.zorgpad.pathway.routing.ResolveResult.SignalResult;
import nl.zorgpad.pathway.routing.RouteMatcher.Place;

/**
 * An immutable, in-memory picture of every region, partner and published pathway version. Route resolution reads
 * only this; the service swaps in a new snapshot when a pathway is published or a partner changes.
 */
public final class RouteSnapshot {

    public static final RouteSnapshot EMPTY = new RouteSnapshot(List.of(), List.of(), List.of(), Set.of());

    private final Map<String, RegionArea> regions = new HashMap<>();
    private final Map<String, Place> byPostcode = new HashMap<>();
    private final Map<String, Place> byMunicipality = new HashMap<>();
    private final Map<String, PartnerCard> partners = new HashMap<>();
    private final Map<String, List<PublishedPathway>> pathways = new HashMap<>();
    private final Set<String> signalTypes;

    public RouteSnapshot(Collection<RegionArea> regions, Collection<PartnerCard> partners,
                         Collection<PublishedPathway> published, Set<String> signalTypes) {
        for (RegionArea region : regions) {
            this.regions.put(region.id(), region);
            for (Municipality municipality : region.municipalities()) {
                byMunicipality.put(municipality.code(), new Place(region.id(), municipality.code(),
                        municipality.name(), null));
                for (String postcode : municipality.postcodes()) {
                    byPostcode.put(postcode, new Place(region.id(), municipality.code(), municipality.name(),
                            postcode));
                }
            }
        }
        partners.forEach(partner -> this.partners.put(partner.id(), partner));
        for (PublishedPathway version : published) {
            pathways.computeIfAbsent(key(version.regionId(), version.signalType()), k -> new ArrayList<>())
                    .add(version);
        }
        pathways.values().forEach(list -> list.sort(Comparator.comparing(PublishedPathway::effectiveFrom)
                .thenComparing(PublishedPathway::version).reversed()));
        this.signalTypes = Set.copyOf(signalTypes);
    }

    private static String key(String regionId, String signalType) {
        return regionId + '\u0000' + signalType;
    }

    public boolean knowsSignalType(String code) {
        return signalTypes.contains(code);
    }

    public Map<String, PartnerCard> partners() {
        return partners;
    }

    /**
     * The version in force on a date: the published one with the latest effective-from not after it; none when a
     * retirement that is in force on that date came after it (a retirement ends every earlier version, also one
     * published for a later date before the pathway was retired).
     */
    public Optional<PublishedPathway> effective(String regionId, String signalType, LocalDate date) {
        List<PublishedPathway> versions = pathways.get(key(regionId, signalType));
        if (versions == null) {
            return Optional.empty();
        }
        PublishedPathway inForce = null;
        for (PublishedPathway version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                inForce = version;
                break;
            }
        }
        if (inForce == null || inForce.retired()) {
            return Optional.empty();
        }
        for (PublishedPathway version : versions) {
            if (version.retired() && version.version() > inForce.version() && !version.effectiveFrom().isAfter(date)) {
                return Optional.empty();
            }
        }
        return Optional.of(inForce);
    }

    /** Normalises "9203 AB", "9203ab" or "9203" to the PC4 area "9203"; null when it is not a Dutch postcode. */
    public static String pc4(String postcode) {
        if (postcode == null) {
            return null;
        }
        // By hand rather than a regular expression: this runs on every resolve request.
        char[] compact = new char[6];
        int length = 0;
        for (int i = 0; i < postcode.length(); i++) {
            char c = postcode.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (length == compact.length) {
                return null;
            }
            compact[length++] = c;
        }
        if (length != 4 && length != 6) {
            return null;
        }
        if (compact[0] < '1' || compact[0] > '9') {
            return null;
        }
        for (int i = 1; i < 4; i++) {
            if (compact[i] < '0' || compact[i] > '9') {
                return null;
            }
        }
        for (int i = 4; i < length; i++) {
            char letter = Character.toUpperCase(compact[i]);
            if (letter < 'A' || letter > 'Z') {
                return null;
            }
        }
        return new String(compact, 0, 4);
    }

    public ResolveResult resolve(RouteQuery query, LocalDate today) {
        String pc4 = pc4(query.postcode());
        Place place = pc4 != null ? byPostcode.get(pc4) : byMunicipality.get(query.municipalityCode());
        if (place == null) {
            String where = pc4 != null ? "postcode area " + pc4 : "municipality " + query.municipalityCode();
            return new ResolveResult(query.phase(), query.municipalityCode(), query.signalTypes().stream()
                    .map(signal -> SignalResult.noRoute(signal, List.of(),
                            "No region covers " + where + ", so no pathway routes signal " + signal))
                    .toList());
        }
        RegionArea region = regions.get(place.regionId());
        List<SignalResult> results = new ArrayList<>();
        for (String signal : query.signalTypes()) {
            // The gap text is only built when there is a gap.
            Supplier<String> gap = () -> "No pathway in region " + region.name() + " routes signal " + signal
                    + " for municipality " + place.municipalityName() + " (" + place.municipalityCode()
                    + ") in phase " + query.phase().code();
            Optional<PublishedPathway> pathway = effective(region.id(), signal, today);
            results.add(pathway.isPresent()
                    ? RouteMatcher.resolve(signal, pathway.get(), partners, place, query, gap)
                    : SignalResult.noRoute(signal, List.of(), gap.get()));
        }
        return new ResolveResult(query.phase(), place.municipalityCode(), List.copyOf(results));
    }
}
