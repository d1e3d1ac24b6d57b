package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Monitoring for a region's VSV: counts and lead times, never a person. Every count under 5 is shown as "<5"
 * (small-cell suppression), and a lead time over fewer than 5 referrals is withheld.
 */
@ApplicationScoped
public class StatsService {

    public static final int THRESHOLD = CountSuppression.THRESHOLD;
    public static final String SUPPRESSED = CountSuppression.FEW;
    private static final String TOTAL = "total";

    /**
     * Stands for a count that may be suppressed in the contract: its schema (a number, or the text "<5") is in
     * META-INF/openapi.yaml, because a Java type cannot say "integer or string". Never instantiated.
     */
    @Schema(ref = "SuppressibleCount")
    public static final class SuppressibleCountSchema {
        private SuppressibleCountSchema() {
        }
    }

    /** A lead time: median and 90th percentile in hours, over {@code count} referrals. */
    public record LeadTime(
                           @Schema(description = "Referrals the lead time is measured over",
                                   required = true,
                                   implementation = SuppressibleCountSchema.class)
                           Object count,
                           @Schema(description = "Median in hours; null when the count is suppressed",
                                   examples = "20.5",
                                   required = true,
                                   nullable = true)
                           Double medianHours,
                           @Schema(description = "90th percentile in hours; null when the count is suppressed",
                                   examples = "70.0",
                                   required = true,
                                   nullable = true)
                           Double p90Hours) {
    }

    public record Stats(
                        @Schema(description = "The region (VSV) counted",
                                examples = "region-zuidoost-friesland",
                                required = true)
                        String regionId,
                        @Schema(description = "First day counted; null for from the start",
                                examples = "2026-01-01",
                                required = true,
                                nullable = true)
                        LocalDate from,
                        @Schema(description = "Last day counted; null for up to today",
                                examples = "2026-12-31",
                                required = true,
                                nullable = true)
                        LocalDate to,
                        @Schema(description = "Referrals created in the period",
                                required = true,
                                implementation = SuppressibleCountSchema.class)
                        Object total,
                        @Schema(description = "Referrals per signal type code",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> bySignal,
                        @Schema(description = "Referrals per CBS municipality code",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> byMunicipality,
                        @Schema(description = "Referrals per phase of the first 1000 days",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> byPhase,
                        @Schema(description = "Referrals per month (yyyy-mm)",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> byMonth,
                        @Schema(description = "Referrals per current status",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> byStatus,
                        @Schema(description = "From handover to acceptance", required = true)
                        LeadTime timeToAccept,
                        @Schema(description = "From handover to the partner's first contact with the family",
                                required = true)
                        LeadTime timeToFirstContact,
                        @Schema(description = "Closed referrals per final status",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> outcomes,
                        @Schema(description = "Rejections per reason code",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> rejectionReasons,
                        @Schema(description = "Failures per reason code",
                                required = true,
                                additionalProperties = SuppressibleCountSchema.class)
                        Map<String, Object> failureReasons) {
    }

    private record Row(String[] signals, String municipality, String phase, Instant createdAt, String status,
                       String reasonCode, Instant acceptedAt, Instant firstContactAt) {
    }

    private final EntityManager em;
    private final ZoneId zone;

    public StatsService(EntityManager em, ZoneId zone) {
        this.em = em;
        this.zone = zone;
    }

    /** The figures of the caller's region (the token's organisation); 403 when the token names none. */
    @Transactional
    public Stats forRegion(Caller caller, LocalDate from, LocalDate to) {
        String regionId = caller.organisationId();
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("Invalid period", List.of(new FieldError("to", "must not lie before from")));
        }
        Instant start = (from == null ? LocalDate.of(2000, 1, 1) : from).atStartOfDay(zone).toInstant();
        Instant end = (to == null ? LocalDate.of(2999, 1, 1) : to.plusDays(1)).atStartOfDay(zone).toInstant();
        List<Row> rows = em.createQuery("SELECT r.signalCodes, r.municipalityCode, r.phase, r.createdAt, r.status, "
                                + "r.reasonCode, r.acceptedAt, r.firstContactAt FROM Referral r WHERE r.regionId = :region "
                                + "AND r.createdAt >= :start AND r.createdAt < :end", Object[].class)
                .setParameter("region", regionId).setParameter("start", start).setParameter("end", end)
                .getResultList().stream()
                .map(o -> new Row((String[]) o[0], (String) o[1], (String) o[2], (Instant) o[3], (String) o[4],
                        (String) o[5], (Instant) o[6], (Instant) o[7]))
                .toList();
        return figures(regionId, from, to, rows.stream().map(r -> new Counted(List.of(r.signals()),
                r.municipality(), r.phase(), YearMonth.from(r.createdAt().atZone(zone)).toString(), r.status(),
                r.reasonCode(), r.acceptedAt() == null ? null : Duration.between(r.createdAt(), r.acceptedAt()),
                r.firstContactAt() == null ? null : Duration.between(r.createdAt(), r.firstContactAt()))).toList());
    }

    /** What the figures count of one referral. */
    record Counted(List<String> signals, String municipality, String phase, String month, String status,
                   String reasonCode, Duration toAccept, Duration toFirstContact) {
    }

    /**
     * The published figures of {@code referrals}: every breakdown that adds up to the total (municipality, phase,
     * month, status) and the reasons below the rejected and failed counts are published together, so that no
     * hidden count follows from the others ({@link CountSuppression}); the signals (a referral may carry several,
     * so they add up to no published count) and the lead-time counts only hide what is under five. The outcomes
     * repeat the final statuses' counts exactly as the status breakdown shows them.
     */
    static Stats figures(String regionId, LocalDate from, LocalDate to, List<Counted> referrals) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<CountSuppression.Sum> sums = new ArrayList<>();
        counts.put(TOTAL, (long) referrals.size());
        breakdown("byMunicipality", referrals, Counted::municipality, TOTAL, counts, sums);
        breakdown("byPhase", referrals, Counted::phase, TOTAL, counts, sums);
        breakdown("byMonth", referrals, Counted::month, TOTAL, counts, sums);
        breakdown("byStatus", referrals, Counted::status, TOTAL, counts, sums);
        for (String status : List.of("rejected", "failed")) {
            if (counts.containsKey("byStatus/" + status)) {
                breakdown(status + "/reasons", referrals.stream().filter(r -> status.equals(r.status())).toList(),
                        Counted::reasonCode, "byStatus/" + status, counts, sums);
            }
        }
        Map<String, Object> published = CountSuppression.publish(counts, sums);
        Map<String, Long> signals = new TreeMap<>();
        referrals.forEach(r -> r.signals().forEach(signal -> signals.merge(signal, 1L, Long::sum)));
        Map<String, Object> byStatus = part(published, "byStatus");
        Map<String, Object> outcomes = new TreeMap<>();
        byStatus.forEach((status, count) -> {
            if (isOutcome(status)) {
                outcomes.put(status, count);
            }
        });
        return new Stats(regionId, from, to, published.get(TOTAL), suppress(signals), part(published, "byMunicipality"),
                part(published, "byPhase"), part(published, "byMonth"), byStatus,
                leadTime(referrals.stream().map(Counted::toAccept).filter(d -> d != null).toList()),
                leadTime(referrals.stream().map(Counted::toFirstContact).filter(d -> d != null).toList()),
                outcomes, part(published, "rejected/reasons"), part(published, "failed/reasons"));
    }

    /** Counts {@code referrals} by {@code key} as "{name}/{key}", and records that they add up to {@code total}. */
    private static void breakdown(String name, List<Counted> referrals, Function<Counted, String> key, String total,
                                  Map<String, Long> counts, List<CountSuppression.Sum> sums) {
        Map<String, Long> byKey = new TreeMap<>();
        referrals.forEach(r -> byKey.merge(key.apply(r) == null ? "unknown" : key.apply(r), 1L, Long::sum));
        byKey.forEach((k, count) -> counts.put(name + "/" + k, count));
        if (!byKey.isEmpty()) {
            sums.add(new CountSuppression.Sum(total, byKey.keySet().stream().map(k -> name + "/" + k).toList()));
        }
    }

    /** The published counts named "{name}/{key}", by key. */
    private static Map<String, Object> part(Map<String, Object> published, String name) {
        Map<String, Object> part = new TreeMap<>();
        published.forEach((counted, value) -> {
            if (counted.startsWith(name + "/")) {
                part.put(counted.substring(name.length() + 1), value);
            }
        });
        return part;
    }

    private static boolean isOutcome(String status) {
        return List.of("completed", "failed", "cancelled", "rejected").contains(status);
    }

    public static Object suppress(long count) {
        return count < THRESHOLD ? SUPPRESSED : count;
    }

    static Map<String, Object> suppress(Map<String, Long> counts) {
        Map<String, Object> shown = new TreeMap<>();
        counts.forEach((k, v) -> shown.put(k, suppress(v)));
        return shown;
    }

    static LeadTime leadTime(List<Duration> durations) {
        if (durations.size() < THRESHOLD) {
            return new LeadTime(suppress(durations.size()), null, null);
        }
        List<Double> hours = new ArrayList<>(durations.stream().map(d -> d.toSeconds() / 3600.0).sorted().toList());
        return new LeadTime(durations.size(), round(percentile(hours, 50)), round(percentile(hours, 90)));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
