package nl.zorgpad.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * No hidden count of the statistics can be worked out from the published ones. Thousands of generated regions are
 * published, and each time the published figures are attacked the way a reader could, independently of how the
 * service decides what to hide: by solving the sums they are known to satisfy (every breakdown adds up to the total,
 * the reasons to the rejected and failed counts), and, for the smaller ones, by trying every value the markers allow.
 */
class StatsDisclosureTest {

    private static final String[] MUNICIPALITIES = {"GM0090", "GM0086", "GM0098", "GM0074"};
    private static final String[] PHASES = {"preconception", "pregnancy", "postpartum"};
    private static final String[] MONTHS = {"2026-09", "2026-10", "2026-11"};
    private static final String[] STATUSES = {"requested", "accepted", "rejected", "in-progress", "on-hold",
        "completed", "failed", "cancelled"};
    private static final String[] REASONS = {"no-capacity", "unreachable", "declined", "other"};
    private static final String[] SIGNALS = {"financial-debt", "housing", "smoking", "alcohol"};

    @Test
    void noHiddenCountFollowsFromThePublishedOnes() {
        Random random = new Random(20261207);
        int bruteForced = 0;
        int withheldSomewhere = 0;
        for (int run = 0; run < 3000; run++) {
            List<StatsService.Counted> referrals = region(random);
            StatsService.Stats stats = StatsService.figures("region", null, null, referrals);
            Published published = Published.of(stats);
            String context = "run " + run + ", " + referrals.size() + " referrals: " + stats;

            assertTruthful(published, truth(referrals), context);
            Map<String, Integer> unknowns = published.unknowns();
            for (String hidden : unknowns.keySet()) {
                if (determinedBySums(published, unknowns, hidden)) {
                    fail(hidden + " follows from the published sums; " + context);
                }
            }
            if (published.values.containsValue(CountSuppression.WITHHELD)) {
                withheldSomewhere++;
            }
            Map<String, Set<Long>> possible = published.tryEveryValue();
            if (possible != null) {
                bruteForced++;
                possible.forEach((hidden, values) -> assertTrue(values.size() > 1,
                        hidden + " can only be " + values + "; " + context));
            }
        }
        // The generator must reach the cases that matter, or the test proves nothing.
        assertTrue(withheldSomewhere > 100, "secondary suppression in only " + withheldSomewhere + " runs");
        assertTrue(bruteForced > 500, "every value tried in only " + bruteForced + " runs");
    }

    @Test
    void twoCountsUnderFiveThatAddUpToEightAreNotLeftAsTheOnlyHiddenOnes() {
        // Two municipalities of 4 and a third of 7: hiding only the 4s would give them away (8 = 4 + 4, each < 5).
        List<StatsService.Counted> referrals = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            referrals.add(referral(i < 4 ? "GM0090" : i < 8 ? "GM0086" : "GM0098", "pregnancy", "requested", null));
        }
        StatsService.Stats stats = StatsService.figures("region", null, null, referrals);
        assertEquals(Map.of("GM0090", "<5", "GM0086", "<5", "GM0098", ">=5"), stats.byMunicipality());
        assertEquals(15L, stats.total());
    }

    @Test
    void aSingleCountUnderFiveBesideAPublishedTotalTakesAnotherWithIt() {
        List<StatsService.Counted> referrals = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            referrals.add(referral(i < 2 ? "GM0090" : i < 9 ? "GM0086" : "GM0098", "pregnancy", "requested", null));
        }
        StatsService.Stats stats = StatsService.figures("region", null, null, referrals);
        assertEquals(Map.of("GM0090", "<5", "GM0086", ">=5", "GM0098", 11L), stats.byMunicipality(),
                "the smallest other count is withheld");
    }

    // ---------------------------------------------------------------------------------------------------------
    // The attacker

    /** Whether {@code hidden} is a linear combination of the published sums' equations (Gaussian elimination). */
    private static boolean determinedBySums(Published published, Map<String, Integer> unknowns, String hidden) {
        List<double[]> rows = published.equations(unknowns);
        int rank = rank(rows, unknowns.size());
        double[] unit = new double[unknowns.size()];
        unit[unknowns.get(hidden)] = 1;
        List<double[]> withUnit = new ArrayList<>(rows);
        withUnit.add(unit);
        return rank(withUnit, unknowns.size()) == rank;
    }

    private static int rank(List<double[]> rows, int columns) {
        double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int rank = 0;
        for (int column = 0; column < columns && rank < m.length; column++) {
            int pivot = -1;
            for (int row = rank; row < m.length; row++) {
                if (Math.abs(m[row][column]) > 1e-9
                        && (pivot < 0 || Math.abs(m[row][column]) > Math.abs(m[pivot][column]))) {
                    pivot = row;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = m[rank];
            m[rank] = m[pivot];
            m[pivot] = swap;
            for (int row = 0; row < m.length; row++) {
                if (row != rank && Math.abs(m[row][column]) > 1e-9) {
                    double factor = m[row][column] / m[rank][column];
                    for (int c = 0; c < columns; c++) {
                        m[row][c] -= factor * m[rank][c];
                    }
                }
            }
            rank++;
        }
        return rank;
    }

    /** The published figures as a reader sees them: named values and the sums they satisfy. */
    private record Published(Map<String, Object> values, List<List<String>> sums) {

        /** More than any generated region holds. */
        static final long LARGEST = 50;

        static Published of(StatsService.Stats stats) {
            Map<String, Object> values = new LinkedHashMap<>();
            List<List<String>> sums = new ArrayList<>();
            values.put("total", stats.total());
            for (Map.Entry<String, Map<String, Object>> breakdown : Map.of("byMunicipality", stats.byMunicipality(),
                    "byPhase", stats.byPhase(), "byMonth", stats.byMonth(), "byStatus", stats.byStatus()).entrySet()) {
                sums.add(add(values, "total", breakdown.getKey(), breakdown.getValue()));
            }
            if (values.containsKey("byStatus/rejected")) {
                sums.add(add(values, "byStatus/rejected", "rejectionReasons", stats.rejectionReasons()));
            }
            if (values.containsKey("byStatus/failed")) {
                sums.add(add(values, "byStatus/failed", "failureReasons", stats.failureReasons()));
            }
            stats.outcomes().forEach((status, value) -> assertEquals(values.get("byStatus/" + status), value,
                    "an outcome repeats its status count as published"));
            return new Published(values, sums);
        }

        /** Adds a breakdown's values; returns its sum as [total, part, part, ...]. */
        private static List<String> add(Map<String, Object> values, String total, String name,
                                        Map<String, Object> breakdown) {
            List<String> sum = new ArrayList<>(List.of(total));
            breakdown.forEach((key, value) -> {
                values.put(name + "/" + key, value);
                sum.add(name + "/" + key);
            });
            return sum;
        }

        Map<String, Integer> unknowns() {
            Map<String, Integer> unknowns = new LinkedHashMap<>();
            values.forEach((name, value) -> {
                if (value instanceof String) {
                    unknowns.put(name, unknowns.size());
                }
            });
            return unknowns;
        }

        /** Each sum as an equation over the unknowns: coefficients, then the known constant (ignored for rank). */
        List<double[]> equations(Map<String, Integer> unknowns) {
            List<double[]> rows = new ArrayList<>();
            for (List<String> sum : sums) {
                double[] row = new double[unknowns.size()];
                for (int i = 0; i < sum.size(); i++) {
                    Integer column = unknowns.get(sum.get(i));
                    if (column != null) {
                        row[column] += i == 0 ? 1 : -1;
                    }
                }
                rows.add(row);
            }
            return rows;
        }

        /**
         * Every value each hidden count can take, given the markers (under five: 1 to 4; withheld: 5 up to
         * {@link #LARGEST}, which a reader may guess; not the true total, which she does not know) and all sums;
         * null when there are too many combinations to try.
         */
        Map<String, Set<Long>> tryEveryValue() {
            List<String> hidden = new ArrayList<>(unknowns().keySet());
            long combinations = 1;
            for (String name : hidden) {
                combinations *= range(name).size();
                if (combinations > 200_000) {
                    return null;
                }
            }
            Map<String, Set<Long>> possible = new HashMap<>();
            hidden.forEach(name -> possible.put(name, new HashSet<>()));
            Map<String, Long> assignment = new HashMap<>();
            values.forEach((name, value) -> {
                if (value instanceof Number number) {
                    assignment.put(name, number.longValue());
                }
            });
            search(hidden, 0, assignment, possible);
            return possible;
        }

        private void search(List<String> hidden, int index, Map<String, Long> assignment,
                            Map<String, Set<Long>> possible) {
            if (index == hidden.size()) {
                for (List<String> sum : sums) {
                    long parts = sum.subList(1, sum.size()).stream().mapToLong(assignment::get).sum();
                    if (parts != assignment.get(sum.get(0))) {
                        return;
                    }
                }
                hidden.forEach(name -> possible.get(name).add(assignment.get(name)));
                return;
            }
            for (long value : range(hidden.get(index))) {
                assignment.put(hidden.get(index), value);
                search(hidden, index + 1, assignment, possible);
            }
            assignment.remove(hidden.get(index));
        }

        private List<Long> range(String name) {
            List<Long> range = new ArrayList<>();
            boolean few = CountSuppression.FEW.equals(values.get(name));
            for (long v = few ? 1 : 5; v <= (few ? 4 : LARGEST); v++) {
                range.add(v);
            }
            return range;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Generated regions

    private static List<StatsService.Counted> region(Random random) {
        int size = random.nextInt(4) == 0 ? random.nextInt(8) : 5 + random.nextInt(40);
        List<StatsService.Counted> referrals = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String status = pick(random, STATUSES);
            referrals.add(referral(pick(random, MUNICIPALITIES), pick(random, PHASES), status,
                    "rejected".equals(status) || "failed".equals(status) ? pick(random, REASONS) : null,
                    pick(random, MONTHS), random.nextBoolean() ? List.of(pick(random, SIGNALS))
                            : List.of(SIGNALS[0], pick(random, SIGNALS))));
        }
        return referrals;
    }

    /** Skewed: the first values are much more likely, as in a real region, so that small counts are common. */
    private static String pick(Random random, String[] values) {
        return values[Math.min(values.length - 1, (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.3))];
    }

    private static StatsService.Counted referral(String municipality, String phase, String status, String reason) {
        return referral(municipality, phase, status, reason, "2026-11", List.of("financial-debt"));
    }

    private static StatsService.Counted referral(String municipality, String phase, String status, String reason,
                                                 String month, List<String> signals) {
        return new StatsService.Counted(List.copyOf(new HashSet<>(signals)), municipality, phase, month, status,
                reason, Duration.ofHours(5), null);
    }

    /** The true counts under the published names. */
    private static Map<String, Long> truth(List<StatsService.Counted> referrals) {
        Map<String, Long> truth = new TreeMap<>();
        truth.put("total", (long) referrals.size());
        Map<String, Function<StatsService.Counted, String>> keys = Map.of("byMunicipality",
                StatsService.Counted::municipality, "byPhase", StatsService.Counted::phase, "byMonth",
                StatsService.Counted::month, "byStatus", StatsService.Counted::status);
        keys.forEach((name, key) -> referrals.forEach(r -> truth.merge(name + "/" + key.apply(r), 1L, Long::sum)));
        referrals.stream().filter(r -> "rejected".equals(r.status()))
                .forEach(r -> truth.merge("rejectionReasons/" + r.reasonCode(), 1L, Long::sum));
        referrals.stream().filter(r -> "failed".equals(r.status()))
                .forEach(r -> truth.merge("failureReasons/" + r.reasonCode(), 1L, Long::sum));
        return truth;
    }

    /** Every published number is the true count, every "<5" is under five and every ">=5" five or more. */
    private static void assertTruthful(Published published, Map<String, Long> truth, String context) {
        assertEquals(truth.keySet(), published.values().keySet(), context);
        published.values().forEach((name, value) -> {
            long count = truth.get(name);
            if (CountSuppression.FEW.equals(value)) {
                assertTrue(count < 5, name + " reads <5 but is " + count + "; " + context);
            } else if (CountSuppression.WITHHELD.equals(value)) {
                assertTrue(count >= 5, name + " reads >=5 but is " + count + "; " + context);
            } else {
                assertEquals(count, ((Number) value).longValue(), name + "; " + context);
            }
        });
    }
}
