package nl.zorgpad.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.referral.domain.Referral;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of a referral list. */
public record ReferralSummary(UUID id, String status, String referringPracticeId, String partnerId,
                              String partnerName, List<String> signalCodes, String clientName,
                              LocalDate acknowledgeDeadline,
                              @Schema(description = ReferralView.OVERDUE) boolean overdue,
                              @Schema(description = ReferralView.WORKING_DAYS_LEFT, example = "3", nullable = true)
                              Integer workingDaysLeft,
                              Instant createdAt) {

    static ReferralSummary of(Referral r, LocalDate today) {
        return new ReferralSummary(r.id, r.status, r.referringPracticeId, r.partnerId, r.partnerName,
                Arrays.asList(r.signalCodes), r.client == null ? null : r.client.name(), r.acknowledgeDeadline,
                r.isOverdue(today), r.workingDaysLeft(today), r.createdAt);
    }
}
