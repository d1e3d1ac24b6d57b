package nl.zorgpad.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.Referral;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a referral list. */
public record ReferralSummary(
        @Schema(description = "The referral's id", examples = "0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10", required = true)
        UUID id,
        @Schema(description = "Where the referral is in its lifecycle",
                required = true,
                enumeration = {"requested", "accepted", "rejected", "in-progress", "on-hold",
                        "completed", "failed", "cancelled"})
        String status,
        @Schema(description = "The midwife practice that handed over", examples = "practice-de-wieken", required = true)
        String referringPracticeId,
        @Schema(description = "The partner organisation it was handed over to",
                examples = "partner-wijkteam-smallingerland",
                required = true)
        String partnerId,
        @Schema(description = "The partner's name", examples = "Sociaal Wijkteam Smallingerland", required = true)
        String partnerName,
        @Schema(description = "The signals handed over", required = true)
        List<String> signalCodes,
        @Schema(description = "The client's name; null once the details are erased",
                examples = "M. de Vries",
                required = true,
                nullable = true)
        String clientName,
        @Schema(description = "True when the client has rules for safe contact; the rules themselves are only in "
                + "the detail view, for the receiving partner and the midwife who referred", required = true)
        boolean hasSafeContact,
        @Schema(description = "The date by which the partner must accept or reject",
                examples = "2026-12-01",
                required = true)
        LocalDate acknowledgeDeadline,
        @Schema(description = ReferralView.OVERDUE, required = true)
        boolean overdue,
        @Schema(description = ReferralView.WORKING_DAYS_LEFT, examples = "3", required = true, nullable = true)
        Integer workingDaysLeft,
        @Schema(description = "When the midwife handed over", examples = "2026-11-24T09:31:02Z", required = true)
        Instant createdAt) {

    static ReferralSummary of(Referral r, LocalDate today) {
        return new ReferralSummary(r.id, r.status, r.referringPracticeId, r.partnerId, r.partnerName,
                Arrays.asList(r.signalCodes), r.client == null ? null : r.client.name(),
                r.client != null && r.client.safeContact() != null, r.acknowledgeDeadline,
                r.isOverdue(today), r.workingDaysLeft(today), r.createdAt);
    }
}
