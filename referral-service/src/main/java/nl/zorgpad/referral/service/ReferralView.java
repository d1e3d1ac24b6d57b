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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A referral as one of its two ends sees it. */
public record ReferralView(UUID id, String status, String referringPracticeId, String partnerId, String partnerName,
                           String partnerKind, Route.ContactPoint contactPoint, String instruction, String pathwayId,
                           Integer pathwayVersion, String regionId, String municipalityCode, String phase,
                           String vulnerability, String urgency, List<String> signalCodes, boolean partnerOverride,
                           LocalDate acknowledgeDeadline, @Schema(description = OVERDUE) boolean overdue,
                           @Schema(description = WORKING_DAYS_LEFT, example = "3", nullable = true)
                           Integer workingDaysLeft, String reasonCode, String reasonText, String outcome,
                           UUID previousReferralId, Instant createdAt, Instant acceptedAt,
                           Instant firstContactAt, Instant closedAt, boolean detailsErased,
                           boolean safeContactWithheld, ClientDetails client, List<SignalNote> signals,
                           Consent consent, Referrer referrer, Set<ReferralStatus> allowedTransitions) {

    static final String OVERDUE = "Still requested and past its acknowledgeDeadline: today, in Europe/Amsterdam, is "
            + "after the deadline (the deadline day itself is not overdue). The same as workingDaysLeft < 0.";
    static final String WORKING_DAYS_LEFT = "Working days from today (Europe/Amsterdam) until acknowledgeDeadline: "
            + "Monday to Friday except the Dutch public holidays (New Year's Day, Easter Monday, King's Day, "
            + "Liberation Day every fifth year, Ascension Day, Whit Monday, Christmas and Boxing Day). Positive: "
            + "working days left (the deadline counts, today does not); 0: the deadline is today; negative: working "
            + "days late (today counts, the deadline does not; -1 also on days off straight after the deadline). "
            + "Negative exactly when overdue is true. Null when the deadline no longer applies: the status is no "
            + "longer requested (the partner acknowledged it, or it was closed).";

    static ReferralView of(Referral r, boolean showSafeContact, Set<ReferralStatus> allowed, LocalDate today) {
        ClientDetails client = r.client;
        boolean withheld = false;
        if (client != null && !showSafeContact && client.safeContactInstructions() != null) {
            client = client.withoutSafeContact();
            withheld = true;
        }
        return new ReferralView(r.id, r.status, r.referringPracticeId, r.partnerId, r.partnerName, r.partnerKind,
                r.route.contactPoint(), r.route.instruction(), r.pathwayId, r.pathwayVersion, r.regionId,
                r.municipalityCode, r.phase, r.vulnerability, r.urgency, Arrays.asList(r.signalCodes),
                r.partnerOverride, r.acknowledgeDeadline, r.isOverdue(today), r.workingDaysLeft(today), r.reasonCode,
                r.reasonText, r.outcome, r.previousReferralId, r.createdAt, r.acceptedAt, r.firstContactAt,
                r.closedAt, r.detailsErased(), withheld, client, r.signals, r.consent, r.referrer, allowed);
    }
}
