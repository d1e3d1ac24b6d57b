package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.Referrals.NewReferral;
import nl.zorgpad.console.client.Referrals.SafeContact;
import nl.zorgpad.console.client.Referrals.SafeTime;
import nl.zorgpad.console.client.Referrals.SignalNote;
import nl.zorgpad.console.client.ServiceProblem;
import org.junit.jupiter.api.Test;

class ReferralFormTest {

    private static ReferralForm meriam() {
        ReferralForm form = ReferralForm.blank("Anna de Vries");
        form.name = " Meriam El Amrani ";
        form.birthDate = "1995-04-12";
        form.postcode = "9203 AB";
        form.dueDate = "2027-04-20";
        form.email = "  ";
        form.interpreterNeeded = "on";
        // The browser sends a note for every signal of the catalogue, in page order, and the chosen codes apart.
        form.noteCode = List.of("financial-debt", "housing", "low-literacy");
        form.note = List.of("huurachterstand", "", "liever mondeling");
        form.signal = List.of("low-literacy", "financial-debt");
        return form;
    }

    @Test
    void eachChosenSignalTakesItsOwnNoteInTheOrderChosen() {
        NewReferral referral = meriam().toNewReferral(Instant.parse("2026-12-02T10:00:00Z"));
        assertEquals(List.of(new SignalNote("low-literacy", "liever mondeling"),
                new SignalNote("financial-debt", "huurachterstand")), referral.signals());
    }

    @Test
    void blanksAreLeftOutAndTextIsTrimmed() {
        NewReferral referral = meriam().toNewReferral(Instant.parse("2026-12-02T10:00:00Z"));
        assertEquals("Meriam El Amrani", referral.client().name());
        assertNull(referral.client().email());
        assertEquals(Boolean.TRUE, referral.client().interpreterNeeded());
        assertEquals(LocalDate.of(1995, 4, 12), referral.client().birthDate());
        assertEquals("client", referral.consent().givenBy());
        assertEquals(Instant.parse("2026-12-02T10:00:00Z"), referral.consent().givenAt());
        assertEquals("midwife", referral.referrer().role());
    }

    @Test
    void aDateTheBrowserDidNotSendAsADateIsPassedOnAsMissing() {
        ReferralForm form = meriam();
        form.birthDate = "12-04-1995";
        assertNull(form.toNewReferral(Instant.now()).client().birthDate());
    }

    @Test
    void theServicesFieldErrorsAreFoundAtTheirFields() {
        ReferralForm form = meriam();
        form.refusedWith(new ServiceProblem(422, "https://zorgpad.nl/problems/validation", "", List.of(
                new ServiceProblem.FieldError("signals[1].note", "is required"),
                new ServiceProblem.FieldError("client.birthDate", "is required")), Map.of()));
        assertTrue(form.noteRefused("financial-debt"));
        assertFalse(form.noteRefused("low-literacy"));
        assertTrue(form.hasError("client.birthDate"));
        assertTrue(form.hasError("client"));
        assertFalse(form.hasError("client.name"));
        assertEquals(List.of("signals.note", "client.birthDate"), form.errorFields());
    }

    @Test
    void noSafeContactFieldFilledInSendsNoSafeContactRules() {
        ReferralForm form = meriam();
        form.safePhone = "  ";
        assertNull(form.toNewReferral(Instant.now()).client().safeContact());
    }

    @Test
    void safeContactRulesAreSentWithOnePeriodOfSafeTimes() {
        ReferralForm form = meriam();
        form.safeChannel = List.of("phone", "home-visit");
        form.safePhone = " 06 87654321 ";
        form.safeDay = List.of("monday", "thursday");
        form.safeFrom = "09:00";
        form.safeUntil = "11:30";
        form.safeNoMessages = "on";
        form.safeNote = "niet als haar partner thuis is";
        SafeContact safe = form.toNewReferral(Instant.now()).client().safeContact();
        assertEquals(new SafeContact(List.of("phone", "home-visit"), "06 87654321",
                List.of(new SafeTime(List.of("monday", "thursday"), "09:00", "11:30")), true,
                "niet als haar partner thuis is"), safe);
    }

    @Test
    void aHalfFilledPeriodIsSentSoThatTheServiceNamesTheMissingPart() {
        ReferralForm form = meriam();
        form.safeChannel = List.of("letter");
        form.safeFrom = "09:00";
        SafeContact safe = form.toNewReferral(Instant.now()).client().safeContact();
        assertEquals(List.of(new SafeTime(List.of(), "09:00", null)), safe.times());
        assertFalse(safe.noMessages());
    }

    @Test
    void everyBlankFormHasItsOwnIdempotencyKey() {
        assertFalse(ReferralForm.blank("a").idempotencyKey.equals(ReferralForm.blank("a").idempotencyKey));
    }
}
