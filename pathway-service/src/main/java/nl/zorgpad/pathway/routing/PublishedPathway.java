package nl.zorgpad.pathway.routing;

import java.time.LocalDate;
import java.util.List;

/**
 * One published version of a pathway, as route resolution uses it; or, with {@code retired}, the version that
 * retires the pathway (no rules): from its effective-from date no version of the pathway is in force.
 */
public record PublishedPathway(String pathwayId, int version, String regionId, String signalType,
                               LocalDate effectiveFrom, List<RouteRule> rules, boolean retired) {

    public PublishedPathway {
        rules = List.copyOf(rules);
    }

    public PublishedPathway(String pathwayId, int version, String regionId, String signalType,
                            LocalDate effectiveFrom, List<RouteRule> rules) {
        this(pathwayId, version, regionId, signalType, effectiveFrom, rules, false);
    }

    /** The retirement of a pathway from a date. */
    public static PublishedPathway retirement(String pathwayId, int version, String regionId, String signalType,
                                              LocalDate effectiveFrom) {
        return new PublishedPathway(pathwayId, version, regionId, signalType, effectiveFrom, List.of(), true);
    }
}
