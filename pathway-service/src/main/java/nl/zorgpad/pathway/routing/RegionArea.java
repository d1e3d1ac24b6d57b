package nl.zorgpad.pathway.routing;

import java.util.List;

/** A region and its municipalities, as route resolution uses it. */
public record RegionArea(String id, String name, List<Municipality> municipalities) {

    public RegionArea {
        municipalities = List.copyOf(municipalities);
    }
}
