package nl.zorgpad.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.Route;
import nl.zorgpad.referral.domain.SignalNote;

/** A referral as one of its two ends sees it. */
public record ReferralView(UUID id, String status, String referringPracticeId, String partnerId, String partnerName,
                           String partnerKind, Route.ContactPoint contactPoint, String instruction, String pathwayId,
                           Integer pathwayVersion, String regionId, String municipalityCode, String phase,
                           String vulnerability, String urgency, List<String> signalCodes, boolean partnerOverride,
                           LocalDate acknowledgeDeadline, boolean overdue, String reasonCode, String reasonText,
                           String outcome, UUID previousReferralId, Instant createdAt, Instant acceptedAt,
                           Instant firstContactAt, Instant closedAt, boolean detailsErased,
                           boolean safeContactWithheld, ClientDetails client, List<SignalNote> signals,
                           Consent consent, Referrer referrer, Set<ReferralStatus> allowedTransitions) {

    static ReferralView of(Referral r, boolean showSafeContact, Set<ReferralStatus> allowed) {
        ClientDetails client = r.client;
        boolean withheld = false;
        if (client != null && !showSafeContact && client.safeContactInstructions() != null) {
            client = client.withoutSafeContact();
            withheld = true;
        }
        return new ReferralView(r.id, r.status, r.referringPracticeId, r.partnerId, r.partnerName, r.partnerKind,
                r.route.contactPoint(), r.route.instruction(), r.pathwayId, r.pathwayVersion, r.regionId,
                r.municipalityCode, r.phase, r.vulnerability, r.urgency, Arrays.asList(r.signalCodes),
                r.partnerOverride, r.acknowledgeDeadline, r.isOverdue(), r.reasonCode, r.reasonText, r.outcome,
                r.previousReferralId, r.createdAt, r.acceptedAt, r.firstContactAt, r.closedAt, r.detailsErased(),
                withheld, client, r.signals, r.consent, r.referrer, allowed);
    }
}
