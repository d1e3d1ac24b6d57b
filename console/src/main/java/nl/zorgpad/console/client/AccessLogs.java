package nl.zorgpad.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** referral-service's NEN 7513 access log as the privacy officer's screen reads it (openapi/referral-service.yaml). */
public final class AccessLogs {

    private AccessLogs() {
    }

    /**
     * One access to a client's data: when, which event, on which referral, by whom, for which organisation, on whose
     * behalf, and whether it was allowed ({@code success}) or refused ({@code denied}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(Instant at, String event, UUID referralId, String userId, String organisationId,
                       String onBehalfOf, String outcome) {

        public boolean isDenied() {
            return "denied".equals(outcome);
        }

        /** The first block of the referral id: enough to tell the referrals of one result apart. */
        public String shortReferralId() {
            return referralId == null ? "" : referralId.toString().substring(0, 8);
        }
    }
}
