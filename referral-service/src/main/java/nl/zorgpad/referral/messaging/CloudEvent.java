package nl.zorgpad.referral.messaging;

import java.time.Instant;

/** A structured-mode CloudEvent 1.0 as published on {@code referral-events}. */
public record CloudEvent(String specversion, String id, String source, String type, Instant time, String subject,
                         String datacontenttype, ReferralEventData data) {
}
