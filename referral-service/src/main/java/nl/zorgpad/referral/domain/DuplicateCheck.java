package nl.zorgpad.referral.domain;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * An open referral for the same client, the same partner and a shared signal is a duplicate: a second handover
 * would make the family tell their story twice.
 */
public final class DuplicateCheck {

    private DuplicateCheck() {
    }

    /** What is known of an existing referral for the check. */
    public record Existing(UUID id, ClientIdentity.Pseudonyms client, String partnerId, Collection<String> signalCodes,
                           ReferralStatus status) {
    }

    public static boolean isDuplicate(ClientIdentity.Pseudonyms client, String partnerId, Collection<String> signals,
                                      Existing existing) {
        return !existing.status().isClosed()
                && existing.partnerId().equals(partnerId)
                && existing.client().sameClientAs(client)
                && existing.signalCodes().stream().anyMatch(signals::contains);
    }

    public static Optional<Existing> firstDuplicate(ClientIdentity.Pseudonyms client, String partnerId,
                                                    Collection<String> signals, Collection<Existing> candidates) {
        return candidates.stream().filter(e -> isDuplicate(client, partnerId, signals, e)).findFirst();
    }
}
