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
public record ReferralView(
        @Schema(description = "The referral's id", examples = "0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10", required = true)
        UUID id,
        @Schema(description = "Where the referral is in its closed-loop lifecycle",
                required = true,
                enumeration = {"requested", "accepted", "rejected", "in-progress", "on-hold",
                        "completed", "failed", "cancelled"})
        String status,
        @Schema(description = "The midwife practice that handed over", examples = "practice-de-wieken", required = true)
        String referringPracticeId,
        @Schema(description = "The partner organisation the family was handed over to",
                examples = "partner-wijkteam-smallingerland",
                required = true)
        String partnerId,
        @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
        String partnerName,
        @Schema(description = "The partner's kind, as pathway-service names it",
                examples = "district-team",
                required = true,
                nullable = true)
        String partnerKind,
        @Schema(description = "Who at the partner takes the handover", required = true, nullable = true)
        Route.ContactPoint contactPoint,
        @Schema(description = "The pathway's instruction for this handover",
                examples = "Call the family within two working days",
                required = true,
                nullable = true)
        String instruction,
        @Schema(description = "The pathway that routed it; null when the midwife chose the partner",
                examples = "pw-financial-debt",
                required = true,
                nullable = true)
        String pathwayId,
        @Schema(description = "The version of that pathway", examples = "3", required = true, nullable = true)
        Integer pathwayVersion,
        @Schema(description = "The region (VSV) whose pathway routed it",
                examples = "region-zuidoost-friesland",
                required = true,
                nullable = true)
        String regionId,
        @Schema(description = "CBS code of the family's municipality",
                examples = "GM0090",
                required = true,
                nullable = true)
        String municipalityCode,
        @Schema(description = "Phase of the first 1000 days at handover: preconception, pregnancy or postpartum",
                examples = "pregnancy",
                required = true,
                nullable = true)
        String phase,
        @Schema(description = "How vulnerable the family is, as the midwife assessed it",
                examples = "vulnerable",
                required = true,
                enumeration = {"self-reliant", "potentially-vulnerable", "vulnerable", "very-vulnerable"})
        String vulnerability,
        @Schema(description = "How soon the partner must act",
                examples = "routine",
                required = true,
                enumeration = {"routine", "urgent"})
        String urgency,
        @Schema(description = "The signals handed over to this partner", required = true)
        List<String> signalCodes,
        @Schema(description = "True when the midwife chose the partner instead of the resolved route", required = true)
        boolean partnerOverride,
        @Schema(description = "The date by which the partner must accept or reject",
                examples = "2026-12-01",
                required = true)
        LocalDate acknowledgeDeadline,
        @Schema(description = OVERDUE, required = true)
        boolean overdue,
        @Schema(description = WORKING_DAYS_LEFT, examples = "3", required = true, nullable = true)
        Integer workingDaysLeft,
        @Schema(description = "Why it was rejected, put on hold, failed or cancelled",
                examples = "no-capacity",
                required = true,
                nullable = true)
        String reasonCode,
        @Schema(description = "The reason in words; erased with the client details",
                examples = "Waiting list is full until March",
                required = true,
                nullable = true)
        String reasonText,
        @Schema(description = "What came of it, on completion; erased with the client details",
                examples = "Debt counselling started",
                required = true,
                nullable = true)
        String outcome,
        @Schema(description = "The rejected referral this one re-routes", required = true, nullable = true)
        UUID previousReferralId,
        @Schema(description = "When the midwife handed over", examples = "2026-11-24T09:31:02Z", required = true)
        Instant createdAt,
        @Schema(description = "When the partner accepted", required = true, nullable = true)
        Instant acceptedAt,
        @Schema(description = "When the partner first reached the family", required = true, nullable = true)
        Instant firstContactAt,
        @Schema(description = "When it reached a final status", required = true, nullable = true)
        Instant closedAt,
        @Schema(description = "When anything about it last changed", examples = "2026-11-25T08:12:40Z",
                required = true)
        Instant updatedAt,
        @Schema(description = "True once the client details are erased (consent withdrawn or "
                + "retention passed)", required = true)
        boolean detailsErased,
        @Schema(description = "True when safe-contact rules exist but are not shown to this "
                + "reader", required = true)
        boolean safeContactWithheld,
        @Schema(description = "Who the family is; null once erased", required = true, nullable = true)
        ClientDetails client,
        @Schema(description = "The signals with the midwife's notes; null once erased",
                required = true,
                nullable = true)
        List<SignalNote> signals,
        @Schema(description = "The client's consent; null once erased", required = true, nullable = true)
        Consent consent,
        @Schema(description = "Who handed over, to call back; null once erased", required = true, nullable = true)
        Referrer referrer,
        @Schema(description = "The statuses the caller may move it to now", required = true)
        Set<ReferralStatus> allowedTransitions) {

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
        if (client != null && !showSafeContact && client.safeContact() != null) {
            client = client.withoutSafeContact();
            withheld = true;
        }
        return new ReferralView(r.id, r.status, r.referringPracticeId, r.partnerId, r.partnerName, r.partnerKind,
                r.route.contactPoint(), r.route.instruction(), r.pathwayId, r.pathwayVersion, r.regionId,
                r.municipalityCode, r.phase, r.vulnerability, r.urgency, Arrays.asList(r.signalCodes),
                r.partnerOverride, r.acknowledgeDeadline, r.isOverdue(today), r.workingDaysLeft(today), r.reasonCode,
                r.reasonText, r.outcome, r.previousReferralId, r.createdAt, r.acceptedAt, r.firstContactAt,
                r.closedAt, r.updatedAt, r.detailsErased(), withheld, client, r.signals, r.consent, r.referrer,
                allowed);
    }
}
