package nl.zorgpad.pathway.routing;

import java.time.LocalDate;
import java.util.List;

/** One published version of a pathway, as route resolution uses it. */
public record PublishedPathway(String pathwayId, int version, String regionId, String signalType,
                               LocalDate effectiveFrom, List<RouteRule> rules) {

    public PublishedPathway {
        rules = List.copyOf(rules);
    }
}
