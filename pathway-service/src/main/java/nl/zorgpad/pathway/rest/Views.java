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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response records: the API never exposes entities. */
public final class Views {

    private Views() {
    }

    public record RegionView(
            @Schema(description = "The region's id, the org_id of its coordinators",
                    examples = "region-zuidoost-friesland", required = true)
            String id,
            @Schema(description = "The region's name", examples = "VSV Zuidoost-Friesland", required = true)
            String name,
            @Schema(description = "The municipalities the region covers, each with its PC4 areas", required = true)
            List<Municipality> municipalities) {
        static RegionView of(Region region) {
            return new RegionView(region.id, region.name, region.municipalities);
        }
    }

    public record PartnerView(
            @Schema(description = "The partner's id", examples = "partner-wijkteam-smallingerland", required = true)
            String id,
            @Schema(description = "The region the partner belongs to", examples = "region-zuidoost-friesland",
                    required = true)
            String regionId,
            @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
            String name,
            @Schema(description = "What kind of organisation the partner is",
                    examples = "district-team",
                    required = true,
                    enumeration = {"district-team", "debt-counselling", "youth-health-care", "mental-health",
                            "veilig-thuis", "maternity-care", "programme", "other"})
            String kind,
            @Schema(description = "The teams or people at the partner that take referrals", required = true)
            List<ContactPoint> contactPoints,
            @Schema(description = "CBS codes of the municipalities the partner serves as a whole",
                    examples = "[\"GM0090\"]", required = true)
            List<String> municipalities,
            @Schema(description = "PC4 areas the partner serves beside its municipalities", examples = "[\"9203\"]",
                    required = true)
            List<String> postcodes,
            @Schema(description = "Language codes the partner can help families in", examples = "[\"nl\", \"fy\"]",
                    required = true)
            List<String> languages,
            @Schema(description = "True when the partner can bring in an interpreter", examples = "true",
                    required = true)
            boolean interpreterSupport,
            @Schema(description = "Whether the partner takes new referrals now",
                    examples = "open",
                    required = true,
                    enumeration = {"open", "waitlist", "closed"})
            String capacityStatus,
            @Schema(description = "Weeks on the waiting list; null unless capacityStatus is waitlist",
                    examples = "3", required = true, nullable = true)
            Integer waitlistWeeks,
            @Schema(description = "When the partner's capacity was last confirmed", examples = "2026-11-24T09:31:02Z",
                    required = true)
            Instant capacityConfirmedAt,
            @Schema(description = "False when the partner is out of use: routes pass it over", examples = "true",
                    required = true)
            boolean active,
            @Schema(description = "The partner's version; its ETag, to send in If-Match", examples = "4",
                    required = true)
            long version) {
        static PartnerView of(Partner p) {
            return new PartnerView(p.id, p.regionId, p.name, p.kind, p.contactPoints, p.municipalities, p.postcodes,
                    p.languages, p.interpreterSupport, p.capacityStatus, p.waitlistWeeks, p.capacityConfirmedAt,
                    p.active, p.version);
        }
    }

    public record VersionSummary(
            @Schema(description = "The version's number, from 1 up", examples = "2", required = true)
            int version,
            @Schema(description = "Draft (still editable), published (immutable) or retired (ends the pathway)",
                    examples = "published",
                    required = true,
                    enumeration = {"draft", "published", "retired"})
            String status,
            @Schema(description = "The date the version takes effect; null for a draft", examples = "2026-12-01",
                    required = true, nullable = true)
            LocalDate effectiveFrom,
            @Schema(description = "When the version was published or retired; null for a draft",
                    examples = "2026-11-24T09:31:02Z", required = true, nullable = true)
            Instant publishedAt) {
        static VersionSummary of(PathwayVersion v) {
            return new VersionSummary(v.version, v.status, v.effectiveFrom, v.publishedAt);
        }
    }

    /** A pathway; {@code retiredFrom} is set when it was retired after its latest published version. */
    public record PathwayView(
            @Schema(description = "The pathway's id", examples = "pw-1", required = true)
            String id,
            @Schema(description = "The region the pathway belongs to", examples = "region-zuidoost-friesland",
                    required = true)
            String regionId,
            @Schema(description = "The signal type the pathway routes", examples = "financial-debt", required = true)
            String signalType,
            @Schema(description = "The latest published version; null when none was published yet", examples = "2",
                    required = true, nullable = true)
            Integer publishedVersion,
            @Schema(description = "The date the latest published version takes effect; null when none was published",
                    examples = "2026-12-01", required = true, nullable = true)
            LocalDate effectiveFrom,
            @Schema(description = "The date the pathway was retired from; null unless retired after its latest"
                    + " published version", examples = "2027-06-01", required = true, nullable = true)
            LocalDate retiredFrom,
            @Schema(description = "The open draft's version; null when there is no draft", examples = "3",
                    required = true, nullable = true)
            Integer draftVersion,
            @Schema(description = "All versions of the pathway, oldest first", required = true)
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

    public record VersionView(
            @Schema(description = "The pathway the version belongs to", examples = "pw-1", required = true)
            String pathwayId,
            @Schema(description = "The version's number, from 1 up", examples = "2", required = true)
            int version,
            @Schema(description = "Draft (still editable), published (immutable) or retired (ends the pathway)",
                    examples = "draft",
                    required = true,
                    enumeration = {"draft", "published", "retired"})
            String status,
            @Schema(description = "The date the version takes effect; null for a draft", examples = "2026-12-01",
                    required = true, nullable = true)
            LocalDate effectiveFrom,
            @Schema(description = "The route rules in order, the first match giving the primary route; empty for a"
                    + " retirement", required = true)
            List<RouteRule> rules,
            @Schema(description = "When the version was created", examples = "2026-11-24T09:31:02Z", required = true)
            Instant createdAt,
            @Schema(description = "The user who created the version; null when unknown", examples = "coordinator-zof",
                    required = true, nullable = true)
            String createdBy,
            @Schema(description = "When the version was published or retired; null for a draft",
                    examples = "2026-11-24T09:31:02Z", required = true, nullable = true)
            Instant publishedAt,
            @Schema(description = "The user who published or retired the version; null for a draft",
                    examples = "coordinator-zof", required = true, nullable = true)
            String publishedBy) {
        static VersionView of(PathwayVersion v) {
            return new VersionView(v.pathwayId, v.version, v.status, v.effectiveFrom, v.rules, v.createdAt,
                    v.createdBy, v.publishedAt, v.publishedBy);
        }
    }
}
