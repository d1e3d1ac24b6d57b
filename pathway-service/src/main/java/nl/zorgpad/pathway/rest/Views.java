package nl.zorgpad.pathway.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.routing.ContactPoint;
import nl.zorgpad.pathway.routing.Municipality;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.service.PathwayService.PathwayHistory;

/** Response records: the API never exposes entities. */
public final class Views {

    private Views() {
    }

    public record RegionView(String id, String name, List<Municipality> municipalities) {
        static RegionView of(Region region) {
            return new RegionView(region.id, region.name, region.municipalities);
        }
    }

    public record PartnerView(String id, String regionId, String name, String kind, List<ContactPoint> contactPoints,
                              List<String> municipalities, List<String> postcodes, List<String> languages,
                              boolean interpreterSupport, String capacityStatus, Integer waitlistWeeks,
                              Instant capacityConfirmedAt, boolean active, long version) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.regionId, p.name, p.kind, p.contactPoints, p.municipalities, p.postcodes,
                    p.languages, p.interpreterSupport, p.capacityStatus, p.waitlistWeeks, p.capacityConfirmedAt,
                    p.active, p.version);
        }
    }

    public record VersionSummary(int version, String status, LocalDate effectiveFrom, Instant publishedAt) {
        static VersionSummary of(PathwayVersion v) {
            return new VersionSummary(v.version, v.status, v.effectiveFrom, v.publishedAt);
        }
    }

    /** A pathway; {@code retiredFrom} is set when it was retired after its latest published version. */
    public record PathwayView(String id, String regionId, String signalType, Integer publishedVersion,
                              LocalDate effectiveFrom, LocalDate retiredFrom, Integer draftVersion,
                              List<VersionSummary> versions) {
        static PathwayView of(PathwayHistory history) {
            var published = history.latestPublished();
            return new PathwayView(history.pathway().id, history.pathway().regionId, history.pathway().signalType,
                    published.map(v -> v.version).orElse(null), published.map(v -> v.effectiveFrom).orElse(null),
                    history.retirement().map(v -> v.effectiveFrom).orElse(null),
                    history.draft().map(v -> v.version).orElse(null),
                    history.versions().stream().map(VersionSummary::of).toList());
        }
    }

    public record VersionView(String pathwayId, int version, String status, LocalDate effectiveFrom,
                              List<RouteRule> rules, Instant createdAt, String createdBy, Instant publishedAt,
                              String publishedBy) {
        static VersionView of(PathwayVersion v) {
            return new VersionView(v.pathwayId, v.version, v.status, v.effectiveFrom, v.rules, v.createdAt,
                    v.createdBy, v.publishedAt, v.publishedBy);
        }
    }
}
