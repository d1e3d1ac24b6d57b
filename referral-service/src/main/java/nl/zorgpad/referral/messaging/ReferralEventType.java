package nl.zorgpad.referral.messaging;

import nl.zorgpad.commons.outbox.OutboxWriter;
import nl.zorgpad.referral.domain.ReferralStatus;

/** The events referral-service publishes on {@code referral-events} (documented in {@code openapi/asyncapi.yaml}). */
public enum ReferralEventType implements OutboxWriter.EventType {

    REQUESTED(ReferralStatus.REQUESTED),
    ACCEPTED(ReferralStatus.ACCEPTED),
    REJECTED(ReferralStatus.REJECTED),
    IN_PROGRESS(ReferralStatus.IN_PROGRESS),
    ON_HOLD(ReferralStatus.ON_HOLD),
    COMPLETED(ReferralStatus.COMPLETED),
    FAILED(ReferralStatus.FAILED),
    CANCELLED(ReferralStatus.CANCELLED),
    /** Not acknowledged before its deadline; repeated once per further working day. */
    OVERDUE("overdue"),
    /** The client withdrew consent; the details are erased. */
    CONSENT_WITHDRAWN("consent-withdrawn");

    private final String type;

    ReferralEventType(ReferralStatus status) {
        this(status.code());
    }

    ReferralEventType(String name) {
        this.type = "referral." + name;
    }

    @Override
    public String type() {
        return type;
    }

    /** The event that says a referral reached {@code status}. */
    public static ReferralEventType forStatus(ReferralStatus status) {
        for (ReferralEventType type : values()) {
            if (type.type.equals("referral." + status.code())) {
                return type;
            }
        }
        throw new IllegalArgumentException("No event for status " + status);
    }
}
