package nl.zorgpad.referral.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which counts of the statistics are published and which are hidden, so that no hidden count can be
 * worked out from the published ones.
 * <p>
 * A count from one to four is hidden and reads {@value #FEW} (primary suppression). The statistics are linked by sums
 * (every breakdown adds up to the total, the rejection reasons to the rejected count), so a hidden count could still
 * follow by subtraction, or from the bounds the markers give away (two counts under five that add up to 8 are both
 * 4). So, as long as some hidden count is determined by the published ones, the smallest published count linked to
 * it is hidden too and reads {@value #WITHHELD} (secondary suppression). "Determined" is decided the way an
 * attacker would: {@link #whatFollows} narrows every hidden count to the interval the published values and the sums
 * allow.
 */
final class CountSuppression {

    static final int THRESHOLD = 5;
    /** A hidden count under five. */
    static final String FEW = "<5";
    /** A hidden count of five or more, hidden so that a count under five cannot be worked out. */
    static final String WITHHELD = ">=5";
    /** No upper bound known (a withheld count); small enough that adding a few never overflows. */
    private static final long UNBOUNDED = Long.MAX_VALUE / 4;

    /** A published sum: the count {@code total} is the sum of the counts {@code parts}. */
    record Sum(String total, List<String> parts) {
    }

    private CountSuppression() {
    }

    /**
     * Every count as published: the number itself, or {@link #FEW} or {@link #WITHHELD}. {@code counts} names each
     * count (e.g. "total", "byStatus/rejected"); {@code sums} are the sums a reader can rely on.
     */
    static Map<String, Object> publish(Map<String, Long> counts, List<Sum> sums) {
        Set<String> few = new HashSet<>();
        counts.forEach((name, count) -> {
            // Zero is shown: it says nothing about anyone, and an empty breakdown gives it away anyway.
            if (count > 0 && count < THRESHOLD) {
                few.add(name);
            }
        });
        Set<String> withheld = new HashSet<>();
        while (true) {
            Map<String, Object> published = render(counts, few, withheld);
            Map<String, long[]> known = whatFollows(published, sums);
            Optional<String> exposed = published.entrySet().stream()
                    .filter(e -> e.getValue() instanceof String)
                    .map(Map.Entry::getKey)
                    .filter(name -> known.get(name)[0] == known.get(name)[1])
                    .sorted()
                    .findFirst();
            if (exposed.isEmpty()) {
                return published;
            }
            Optional<String> cover = nearestPublished(exposed.get(), published, counts, sums);
            if (cover.isEmpty()) {
                // Everything linked to it is hidden already; what is left is exposed by the bounds alone, which
                // hiding more cannot change. (With the bounds used here this does not happen: see the tests.)
                return published;
            }
            withheld.add(cover.get());
        }
    }

    private static Map<String, Object> render(Map<String, Long> counts, Set<String> few, Set<String> withheld) {
        Map<String, Object> published = new LinkedHashMap<>();
        counts.forEach((name, count) -> published.put(name,
                few.contains(name) ? FEW : withheld.contains(name) ? WITHHELD : (Object) count));
        return published;
    }

    /**
     * The published counts nearest to {@code hidden} through the sums (those in a sum with it first, then those in a
     * sum with one of those, ...); of the nearest, the smallest, so that as little as possible is withheld.
     */
    private static Optional<String> nearestPublished(String hidden, Map<String, Object> published,
                                                     Map<String, Long> counts, List<Sum> sums) {
        Set<String> seen = new HashSet<>(List.of(hidden));
        Deque<String> ring = new ArrayDeque<>(List.of(hidden));
        while (!ring.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String name : ring) {
                for (Sum sum : sums) {
                    List<String> members = members(sum);
                    if (members.contains(name)) {
                        members.stream().filter(seen::add).forEach(next::add);
                    }
                }
            }
            Optional<String> smallest = next.stream().filter(name -> !(published.get(name) instanceof String))
                    .min(Comparator.comparing((String name) -> counts.get(name)).thenComparing(name -> name));
            if (smallest.isPresent()) {
                return smallest;
            }
            ring = new ArrayDeque<>(next);
        }
        return Optional.empty();
    }

    /**
     * What a reader can work out: for every count the interval of values the published counts and the sums allow.
     * A published count is exact; {@link #FEW} is 1 to 4 (a breakdown lists only what occurs); {@link #WITHHELD} is
     * 5 or more. Each sum narrows its total to what its parts allow and each part to what the total and the other
     * parts allow, until nothing changes. The sums form a tree (breakdowns of the total, reasons below a status),
     * for which these intervals are exactly the values a hidden count can still take.
     */
    static Map<String, long[]> whatFollows(Map<String, Object> published, List<Sum> sums) {
        Map<String, long[]> bounds = new HashMap<>();
        published.forEach((name, value) -> bounds.put(name, value instanceof Number number
                ? new long[] {number.longValue(), number.longValue()}
                : FEW.equals(value) ? new long[] {1, THRESHOLD - 1} : new long[] {THRESHOLD, UNBOUNDED}));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Sum sum : sums) {
                long[] total = bounds.get(sum.total());
                changed |= narrow(total, lowOf(sum.parts(), bounds, null), highOf(sum.parts(), bounds, null));
                for (String part : sum.parts()) {
                    long othersLow = lowOf(sum.parts(), bounds, part);
                    long othersHigh = highOf(sum.parts(), bounds, part);
                    long[] bound = bounds.get(part);
                    changed |= narrow(bound, othersHigh >= UNBOUNDED ? bound[0] : total[0] - othersHigh,
                            total[1] >= UNBOUNDED ? bound[1] : total[1] - othersLow);
                }
            }
        }
        return bounds;
    }

    private static long lowOf(List<String> parts, Map<String, long[]> bounds, String except) {
        return parts.stream().filter(part -> !part.equals(except)).mapToLong(part -> bounds.get(part)[0]).sum();
    }

    /** The sum of the upper bounds, or {@link #UNBOUNDED} when one of them is. */
    private static long highOf(List<String> parts, Map<String, long[]> bounds, String except) {
        long high = 0;
        for (String part : parts) {
            if (!part.equals(except)) {
                high = Math.min(UNBOUNDED, high + bounds.get(part)[1]);
            }
        }
        return high;
    }

    private static boolean narrow(long[] bound, long low, long high) {
        boolean changed = false;
        if (low > bound[0]) {
            bound[0] = low;
            changed = true;
        }
        if (high < bound[1]) {
            bound[1] = high;
            changed = true;
        }
        return changed;
    }

    private static List<String> members(Sum sum) {
        List<String> members = new ArrayList<>(sum.parts());
        members.add(sum.total());
        return members;
    }
}
