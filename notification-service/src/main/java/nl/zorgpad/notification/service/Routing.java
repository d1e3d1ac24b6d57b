package nl.zorgpad.notification.service;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who gets what: the receiving partner learns of new, overdue, cancelled and consent-withdrawn referrals; the
 * referring practice learns what became of its referral (the closed loop). Both hear of an overdue one.
 */
public final class Routing {

    enum Party { PARTNER, PRACTICE }

    private static final Map<String, Set<Party>> RECIPIENTS = Map.ofEntries(
            Map.entry("referral.requested", Set.of(Party.PARTNER)),
            Map.entry("referral.cancelled", Set.of(Party.PARTNER)),
            Map.entry("referral.consent-withdrawn", Set.of(Party.PARTNER)),
            Map.entry("referral.overdue", Set.of(Party.PARTNER, Party.PRACTICE)),
            Map.entry("referral.accepted", Set.of(Party.PRACTICE)),
            Map.entry("referral.rejected", Set.of(Party.PRACTICE)),
            Map.entry("referral.in-progress", Set.of(Party.PRACTICE)),
            Map.entry("referral.on-hold", Set.of(Party.PRACTICE)),
            Map.entry("referral.completed", Set.of(Party.PRACTICE)),
            Map.entry("referral.failed", Set.of(Party.PRACTICE)));

    private Routing() {
    }

    /** The event types an organisation can subscribe to. */
    public static Set<String> knownTypes() {
        return RECIPIENTS.keySet();
    }

    /** The organisations to notify, partner first; empty for a type nobody subscribes to. */
    public static Set<String> recipients(String eventType, String partnerId, String referringPracticeId) {
        Set<Party> parties = RECIPIENTS.getOrDefault(eventType, Set.of());
        Set<String> organisations = new LinkedHashSet<>();
        if (parties.contains(Party.PARTNER) && partnerId != null && !partnerId.isBlank()) {
            organisations.add(partnerId);
        }
        if (parties.contains(Party.PRACTICE) && referringPracticeId != null && !referringPracticeId.isBlank()) {
            organisations.add(referringPracticeId);
        }
        return organisations;
    }
}
