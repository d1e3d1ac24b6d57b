package nl.zorgpad.referral.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The data of every referral event. References, codes, statuses and deadlines only: by construction there is no
 * field that could carry a client's name, birth date, BSN, contact data or notes. {@code fhirTask} is the referral
 * as a FHIR Task (an absolute URL), so that a FHIR client told of the event can pull it ("notified pull").
 */
public record ReferralEventData(UUID referralId, String status, String referringPracticeId, String partnerId,
                                String regionId, List<String> signalCodes, LocalDate acknowledgeDeadline,
                                String reasonCode, UUID previousReferralId, String fhirTask) {
}
