package nl.zorgpad.console.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import nl.zorgpad.console.client.Referrals.Summary;

/**
 * A district team's queue: new referrals (waiting for acceptance, overdue ones first, then the most recent), the
 * ones being worked on, and the most recently closed.
 */
public record Werkbak(List<Summary> fresh, List<Summary> open, List<Summary> closed, long total) {

    static final int CLOSED_SHOWN = 20;
    private static final Set<String> OPEN = Set.of("accepted", "in-progress", "on-hold");

    /** Groups referrals as the API lists them (newest first). */
    static Werkbak of(List<Summary> referrals, long total) {
        List<Summary> fresh = new ArrayList<>();
        List<Summary> open = new ArrayList<>();
        List<Summary> closed = new ArrayList<>();
        for (Summary referral : referrals) {
            if ("requested".equals(referral.status())) {
                fresh.add(referral);
            } else if (OPEN.contains(referral.status())) {
                open.add(referral);
            } else if (closed.size() < CLOSED_SHOWN) {
                closed.add(referral);
            }
        }
        fresh.sort(Comparator.comparing(Summary::overdue).reversed());
        return new Werkbak(fresh, open, closed, total);
    }

    public boolean isEmpty() {
        return fresh.isEmpty() && open.isEmpty() && closed.isEmpty();
    }
}
