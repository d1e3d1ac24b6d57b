package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.config.PathwayConfig;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.routing.Municipality;
import nl.zorgpad.pathway.routing.Phase;
import nl.zorgpad.pathway.routing.RouteMatcher;
import nl.zorgpad.pathway.routing.RouteSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The "white spots" of a region: for every signal type x municipality x phase, is there a route today? */
@ApplicationScoped
public class CoverageService {

    /**
     * One cell of the coverage grid: routed (every case), partly-routed (with the cases that find no open route),
     * only-closed or not-routed.
     */
    public record Cell(
            @Schema(description = "The signal type's code", examples = "psychological", required = true)
            String signalType,
            @Schema(description = "CBS code of the municipality", examples = "GM0090", required = true)
            String municipalityCode,
            @Schema(description = "The municipality's name", examples = "Smallingerland", required = true)
            String municipalityName,
            @Schema(description = "The phase of the first 1000 days",
                    examples = "pregnancy",
                    required = true,
                    enumeration = {"preconception", "pregnancy", "postpartum"})
            String phase,
            @Schema(description = "How well the cell is covered by routes to partners that take referrals",
                    examples = "partly-routed",
                    required = true,
                    enumeration = {"routed", "partly-routed", "only-closed", "not-routed"})
            String status,
            @Schema(description = "The pathway in force for the signal type; null when there is none",
                    examples = "pw-1", required = true, nullable = true)
            String pathwayId,
            @Schema(description = "The version of that pathway in force; null when there is none", examples = "2",
                    required = true, nullable = true)
            Integer pathwayVersion,
            @Schema(description = "The cases that find no open route; empty unless partly-routed", required = true)
            List<RouteMatcher.Gap> uncovered) {
    }

    /** A partner whose capacity was not confirmed recently. */
    public record StalePartner(
            @Schema(description = "The partner's id", examples = "partner-wijkteam-smallingerland", required = true)
            String partnerId,
            @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
            String partnerName,
            @Schema(description = "The capacity last confirmed",
                    examples = "open",
                    required = true,
                    enumeration = {"open", "waitlist", "closed"})
            String capacityStatus,
            @Schema(description = "When the capacity was last confirmed", examples = "2026-10-01T08:00:00Z",
                    required = true)
            Instant capacityConfirmedAt,
            @Schema(description = "Whole days since then", examples = "45", required = true)
            long daysSinceConfirmed) {
    }

    /** Counts per status. */
    public record Summary(
            @Schema(description = "Cells where every case finds a partner that takes referrals", examples = "150",
                    required = true)
            long routed,
            @Schema(description = "Cells where some cases find no open route", examples = "30", required = true)
            long partlyRouted,
            @Schema(description = "Cells whose rules only lead to closed or inactive partners", examples = "3",
                    required = true)
            long onlyClosed,
            @Schema(description = "Cells no rule applies to", examples = "33", required = true)
            long notRouted) {
    }

    /** The whole report. */
    public record Report(
            @Schema(description = "The region's id", examples = "region-zuidoost-friesland", required = true)
            String regionId,
            @Schema(description = "The region's name", examples = "VSV Zuidoost-Friesland", required = true)
            String regionName,
            @Schema(description = "The day the report is for (Europe/Amsterdam)", examples = "2026-11-24",
                    required = true)
            LocalDate date,
            @Schema(description = "How many cells have each status", required = true)
            Summary summary,
            @Schema(description = "One cell per signal type, municipality and phase", required = true)
            List<Cell> cells,
            @Schema(description = "After how many days without confirmation a partner's capacity counts as stale",
                    examples = "30", required = true)
            int staleAfterDays,
            @Schema(description = "Active partners whose capacity is stale, by name", required = true)
            List<StalePartner> staleCapacity) {
    }

    private final CurrentCaller caller;
    private final RouteTable table;
    private final PathwayConfig config;
    private final ZoneId zone;

    public CoverageService(CurrentCaller caller, RouteTable table, PathwayConfig config, ZoneId zone) {
        this.caller = caller;
        this.table = table;
        this.config = config;
        this.zone = zone;
    }

    @Transactional
    public Report report(String regionId) {
        OwnRegion.require(caller.get(), regionId);
        Region region = Region.findById(regionId);
        if (region == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
        LocalDate today = LocalDate.now(zone);
        RouteSnapshot snapshot = table.snapshot();
        List<SignalType> types = SignalType.list("regionId is null or regionId = ?1 order by code", regionId);
        List<Cell> cells = new ArrayList<>();
        for (SignalType type : types) {
            var pathway = snapshot.effective(regionId, type.code, today).orElse(null);
            for (Municipality municipality : region.municipalities) {
                for (Phase phase : Phase.values()) {
                    RouteMatcher.CellCoverage coverage = RouteMatcher.coverage(pathway, snapshot.partners(),
                            municipality, phase);
                    cells.add(new Cell(type.code, municipality.code(), municipality.name(), phase.code(),
                            coverage.coverage().code(), pathway == null ? null : pathway.pathwayId(),
                            pathway == null ? null : pathway.version(), coverage.gaps()));
                }
            }
        }
        Summary summary = new Summary(count(cells, RouteMatcher.Coverage.ROUTED),
                count(cells, RouteMatcher.Coverage.PARTLY_ROUTED), count(cells, RouteMatcher.Coverage.ONLY_CLOSED),
                count(cells, RouteMatcher.Coverage.NOT_ROUTED));
        Instant now = Instant.now();
        int staleDays = (int) config.coverage().staleAfter().toDays();
        List<StalePartner> stale = Partner.<Partner>list("regionId = ?1 and active = true order by name", regionId)
                .stream()
                .filter(partner -> partner.capacityConfirmedAt.isBefore(now.minus(Duration.ofDays(staleDays))))
                .map(partner -> new StalePartner(partner.id, partner.name, partner.capacityStatus,
                        partner.capacityConfirmedAt, Duration.between(partner.capacityConfirmedAt, now).toDays()))
                .toList();
        return new Report(region.id, region.name, today, summary, cells, staleDays, stale);
    }

    private static long count(List<Cell> cells, RouteMatcher.Coverage coverage) {
        return cells.stream().filter(cell -> cell.status().equals(coverage.code())).count();
    }

    /**
     * The cells as CSV (RFC 4180), one row per signal type x municipality x phase; {@code uncovered} lists the gaps
     * of a partly routed cell, separated by " | ".
     */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("signalType,municipalityCode,municipalityName,phase,status,pathwayId,"
                + "pathwayVersion,uncovered\r\n");
        for (Cell cell : report.cells()) {
            out.append(String.join(",", field(cell.signalType()), field(cell.municipalityCode()),
                    field(cell.municipalityName()), field(cell.phase()), field(cell.status()),
                    field(cell.pathwayId()), cell.pathwayVersion() == null ? "" : cell.pathwayVersion().toString(),
                    field(String.join(" | ", cell.uncovered().stream().map(RouteMatcher.Gap::describe).toList()))))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.matches(".*[\",\r\n].*")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
