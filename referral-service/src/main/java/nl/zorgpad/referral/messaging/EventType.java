package nl.zorgpad.referral.messaging;

import nl.zorgpad.referral.domain.ReferralStatus;

/** The event types of referral-events. */
public final class EventType {

    public static final String PREFIX = "referral.";
    public static final String OVERDUE = "referral.overdue";
    public static final String CONSENT_WITHDRAWN = "referral.consent-withdrawn";

    private EventType() {
    }

    public static String forStatus(ReferralStatus status) {
        return PREFIX + status.code();
    }
}
