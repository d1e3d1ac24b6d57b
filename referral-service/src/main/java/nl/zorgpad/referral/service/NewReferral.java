package nl.zorgpad.referral.service;

import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.SignalNote;

/**
 * A midwife's handover request. The referring practice is not part of it: it is the caller's organisation.
 * {@code partnerId} names a partner explicitly instead of the resolved routes (recorded as an override).
 */
public record NewReferral(ClientDetails client, Pregnancy pregnancy, List<SignalNote> signals, Consent consent,
                          Referrer referrer, String partnerId) {

    /** Due date (during pregnancy) or the child's birth date (after birth); neither means before pregnancy. */
    public record Pregnancy(LocalDate dueDate, LocalDate birthDate, String vulnerability, String urgency) {
    }
}
