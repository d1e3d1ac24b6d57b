package nl.zorgpad.console.client;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import nl.zorgpad.console.client.Referrals.ContactPoint;

/**
 * pathway-service's shapes for a region's administration (openapi/pathway-service.yaml): region, coverage, partners,
 * pathways with their versions and rules, import reports. Lists the service leaves out read as empty lists.
 */
public final class Regions {

    /** The media type of the export and import document. */
    public static final String YAML = "application/yaml";

    private Regions() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Region(String id, String name, List<Municipality> municipalities) {

        public Region {
            municipalities = orEmpty(municipalities);
        }

        public Optional<Municipality> municipality(String code) {
            return municipalities.stream().filter(m -> m.code().equals(code)).findFirst();
        }

        /** The municipality's name, or its code when the region does not list it. */
        public String municipalityName(String code) {
            return municipality(code).map(Municipality::name).orElse(code);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Municipality(String code, String name, List<String> postcodes) {

        public Municipality {
            postcodes = orEmpty(postcodes);
        }
    }

    /** The coverage report: every signal type x municipality x phase of the region, as of {@code date}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Coverage(String regionId, String regionName, LocalDate date, Summary summary, List<Cell> cells,
                           int staleAfterDays, List<StalePartner> staleCapacity) {

        public Coverage {
            cells = orEmpty(cells);
            staleCapacity = orEmpty(staleCapacity);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(long routed, long partlyRouted, long onlyClosed, long notRouted) {
    }

    /**
     * One cell of the coverage grid. {@code status} is {@code routed}, {@code partly-routed} (the cases without an
     * open route are in {@code uncovered}), {@code only-closed} or {@code not-routed}; {@code pathwayVersion} is the
     * version in force, when there is one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cell(String signalType, String municipalityCode, String municipalityName, String phase,
                       String status, String pathwayId, Integer pathwayVersion, List<Gap> uncovered) {

        public static final String ROUTED = "routed";
        public static final String PARTLY_ROUTED = "partly-routed";
        public static final String ONLY_CLOSED = "only-closed";
        public static final String NOT_ROUTED = "not-routed";

        public Cell {
            uncovered = orEmpty(uncovered);
        }

        public boolean isRouted() {
            return ROUTED.equals(status);
        }

        /** A white spot: some or all cases find no partner that takes referrals. */
        public boolean isWhiteSpot() {
            return !isRouted();
        }
    }

    /**
     * Cases of a partly routed cell without an open route, in the terms of rule conditions: an empty list or a
     * missing bound means "any". {@code status} is {@code not-routed} or {@code only-closed}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(String status, List<String> postcodes, List<String> vulnerabilities, List<String> urgencies,
                      Integer minAge, Integer maxAge) {

        public Gap {
            postcodes = orEmpty(postcodes);
            vulnerabilities = orEmpty(vulnerabilities);
            urgencies = orEmpty(urgencies);
        }

        public boolean isEveryCase() {
            return postcodes.isEmpty() && vulnerabilities.isEmpty() && urgencies.isEmpty() && minAge == null
                    && maxAge == null;
        }

        public boolean hasAges() {
            return minAge != null || maxAge != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StalePartner(String partnerId, String partnerName, String capacityStatus,
                               Instant capacityConfirmedAt, long daysSinceConfirmed) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Partner(String id, String regionId, String name, String kind, List<ContactPoint> contactPoints,
                          List<String> municipalities, List<String> postcodes, List<String> languages,
                          boolean interpreterSupport, String capacityStatus, Integer waitlistWeeks,
                          Instant capacityConfirmedAt, boolean active, long version) {

        public Partner {
            contactPoints = orEmpty(contactPoints);
            municipalities = orEmpty(municipalities);
            postcodes = orEmpty(postcodes);
            languages = orEmpty(languages);
        }

        /** The named contact point, or the first one when none is named (as route resolution does). */
        public Optional<ContactPoint> contactPoint(String contactPointId) {
            if (contactPointId == null || contactPointId.isBlank()) {
                return contactPoints.stream().findFirst();
            }
            return contactPoints.stream().filter(point -> contactPointId.equals(point.id())).findFirst();
        }

        /** No municipality or PC4 area named: the partner works in the whole region. */
        public boolean isRegionWide() {
            return municipalities.isEmpty() && postcodes.isEmpty();
        }
    }

    /** A partner's capacity as the coordinator confirms it; weeks only with {@code waitlist}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(String status, Integer waitlistWeeks) {
    }

    /** A pathway: the latest published version (with its date), a retirement, the open draft and all versions. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pathway(String id, String regionId, String signalType, Integer publishedVersion,
                          LocalDate effectiveFrom, LocalDate retiredFrom, Integer draftVersion,
                          List<VersionSummary> versions) {

        public Pathway {
            versions = orEmpty(versions);
        }

        public boolean hasDraft() {
            return draftVersion != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record VersionSummary(int version, String status, LocalDate effectiveFrom, Instant publishedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String pathwayId, int version, String status, LocalDate effectiveFrom, List<Rule> rules,
                          Instant createdAt, String createdBy, Instant publishedAt, String publishedBy) {

        public Version {
            rules = orEmpty(rules);
        }
    }

    /** One route of a pathway: when it applies, the partner (and contact point), what to do, how fast. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Rule(Conditions when, Target target, String instruction, ResponseTargets responseTargetWorkingDays) {

        public Rule {
            when = when == null ? Conditions.ANY : when;
        }
    }

    /** When a rule applies; an empty list or a missing bound means "any", no area means the whole region. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Conditions(List<String> municipalities, List<String> postcodes, List<String> phases,
                             List<String> vulnerabilities, Integer minAge, Integer maxAge, List<String> urgencies) {

        public static final Conditions ANY = new Conditions(null, null, null, null, null, null, null);

        public Conditions {
            municipalities = orEmpty(municipalities);
            postcodes = orEmpty(postcodes);
            phases = orEmpty(phases);
            vulnerabilities = orEmpty(vulnerabilities);
            urgencies = orEmpty(urgencies);
        }

        @JsonIgnore
        public boolean isRegionWide() {
            return municipalities.isEmpty() && postcodes.isEmpty();
        }

        @JsonIgnore
        public boolean hasAges() {
            return minAge != null || maxAge != null;
        }

        /** No condition at all: every case in the whole region. */
        @JsonIgnore
        public boolean isAny() {
            return isRegionWide() && phases.isEmpty() && vulnerabilities.isEmpty() && urgencies.isEmpty()
                    && !hasAges();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(String partnerId, String contactPointId) {
    }

    /** Agreed response time in working days, per urgency. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResponseTargets(Integer routine, Integer urgent) {
    }

    public record DraftRules(List<Rule> rules) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewPathway(String signalType, List<Rule> rules) {
    }

    public record Publication(LocalDate effectiveFrom) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(boolean dryRun, boolean applied, List<Change> changes) {

        public ImportReport {
            changes = orEmpty(changes);
        }
    }

    /** What an import does to one thing: {@code kind} region, partner or pathway; {@code action} what happens. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String kind, String id, String action) {
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
