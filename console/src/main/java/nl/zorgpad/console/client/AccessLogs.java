package nl.zorgpad.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** referral-service's NEN 7513 access log as the privacy officer's screen reads it (openapi/referral-service.yaml). */
public final class AccessLogs {

    private AccessLogs() {
    }

    /**
     * One access to a client's data: when, which event, on which referral, by whom, for which organisation, on whose
     * behalf, whether it was allowed ({@code success}) or refused ({@code denied}), in which role and from which
     * application (the last two null in records from before the service logged them).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(Instant at, String event, UUID referralId, String userId, String organisationId,
                       String onBehalfOf, String outcome, String role, String application) {

        /** An access without role and application. */
        public Line(Instant at, String event, UUID referralId, String userId, String organisationId,
                    String onBehalfOf, String outcome) {
            this(at, event, referralId, userId, organisationId, onBehalfOf, outcome, null, null);
        }

        public boolean isDenied() {
            return "denied".equals(outcome);
        }

        /** The first block of the referral id: enough to tell the referrals of one result apart. */
        public String shortReferralId() {
            return referralId == null ? "" : referralId.toString().substring(0, 8);
        }
    }

    /**
     * A client's overview of who saw her data (Wabvpz art. 15d): per organisation a summary, and every access with
     * the organisation, the role, when and what; never the person.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClientOverview(List<Organisation> organisations, List<Access> accesses) {

        public boolean isEmpty() {
            return accesses == null || accesses.isEmpty();
        }
    }

    /** The accesses of one organisation: in which roles, first and last, how many. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(String organisationId, List<String> roles, Instant firstAccess, Instant lastAccess,
                               int accesses) {
    }

    /** One access without the person: when, which organisation, in which role, what, and whether it was allowed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Access(Instant at, String organisationId, String role, String event, String outcome) {

        public boolean isDenied() {
            return "denied".equals(outcome);
        }
    }
}
