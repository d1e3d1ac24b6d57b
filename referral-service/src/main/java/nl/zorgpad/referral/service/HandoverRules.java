package nl.zorgpad.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.SafeChannel;
import nl.zorgpad.referral.domain.SafeContact;
import nl.zorgpad.referral.domain.SignalNote;

/**
 * The rules of a handover request that one field's constraint cannot say: those across fields, and those that
 * depend on today's date. Each field's own rules are Bean Validation constraints on {@link NewReferral}; these
 * assume nothing about them (any part may be missing) so that a request's errors can be reported all at once.
 */
final class HandoverRules {

    private HandoverRules() {
    }

    static List<FieldError> check(NewReferral request, LocalDate today, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        client(request.client(), today, errors);
        pregnancy(request.pregnancy(), today, errors);
        signals(request.signals(), errors);
        consent(request, now, errors);
        return errors;
    }

    private static void client(ClientDetails client, LocalDate today, List<FieldError> errors) {
        if (client == null) {
            return;
        }
        if (client.birthDate() != null
                && (!client.birthDate().isBefore(today) || client.birthDate().isBefore(today.minusYears(70)))) {
            errors.add(new FieldError("client.birthDate", "must be a plausible date in the past"));
        }
        if (client.phone() == null && client.email() == null) {
            errors.add(new FieldError("client.phone", "a phone number or an e-mail address is required"));
        }
        safeContact(client, errors);
    }

    private static void safeContact(ClientDetails client, List<FieldError> errors) {
        SafeContact safe = client.safeContact();
        if (safe == null) {
            return;
        }
        List<String> channels = safe.channels() == null ? List.of()
                : safe.channels().stream().filter(Objects::nonNull).toList();
        if (new HashSet<>(channels).size() < channels.size()) {
            errors.add(new FieldError("client.safeContact.channels", "names a channel twice"));
        }
        boolean byPhone = channels.contains(SafeChannel.PHONE.code())
                || channels.contains(SafeChannel.TEXT_MESSAGE.code());
        if (byPhone && safe.phone() == null && client.phone() == null) {
            errors.add(new FieldError("client.safeContact.phone",
                    "a safe number is required when phone or text message is a safe channel"));
        }
        if (channels.contains(SafeChannel.EMAIL.code()) && client.email() == null) {
            errors.add(new FieldError("client.email", "is required when e-mail is a safe channel"));
        }
        for (int i = 0; i < safe.times().size(); i++) {
            SafeContact.SafeTime time = safe.times().get(i);
            if (time != null && time.endsBeforeItStarts()) {
                errors.add(new FieldError("client.safeContact.times[" + i + "].until", "must be later than from"));
            }
        }
    }

    private static void pregnancy(NewReferral.Pregnancy pregnancy, LocalDate today, List<FieldError> errors) {
        if (pregnancy == null) {
            return;
        }
        if (pregnancy.dueDate() != null && pregnancy.birthDate() != null) {
            errors.add(new FieldError("pregnancy.dueDate", "give a due date or a birth date, not both"));
        }
        if (pregnancy.dueDate() != null && (pregnancy.dueDate().isBefore(today.minusWeeks(4))
                || pregnancy.dueDate().isAfter(today.plusWeeks(45)))) {
            errors.add(new FieldError("pregnancy.dueDate", "must lie within the coming 45 weeks"));
        }
        if (pregnancy.birthDate() != null && (pregnancy.birthDate().isAfter(today)
                || pregnancy.birthDate().isBefore(today.minusYears(2)))) {
            errors.add(new FieldError("pregnancy.birthDate", "must lie within the last two years (first 1000 days)"));
        }
    }

    private static void signals(List<SignalNote> signals, List<FieldError> errors) {
        if (signals == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalNote signal = signals.get(i);
            if (signal != null && signal.code() != null && !seen.add(signal.code())) {
                errors.add(new FieldError("signals[" + i + "].code", "is listed twice"));
            }
        }
    }

    private static void consent(NewReferral request, Instant now, List<FieldError> errors) {
        Consent consent = request.consent();
        if (consent == null) {
            return;
        }
        if (consent.givenAt() != null && consent.givenAt().isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError("consent.givenAt", "is required and may not lie in the future"));
        }
        if (consent.partnerKinds() != null) {
            for (String kind : consent.partnerKinds()) {
                if (!Consent.PARTNER_KINDS.contains(kind)) {
                    errors.add(new FieldError("consent.partnerKinds", "unknown kind " + kind
                            + "; known: " + Consent.PARTNER_KINDS));
                }
            }
        }
        if (consent.dataCategories() == null || consent.dataCategories().isEmpty()) {
            return;
        }
        for (String category : consent.dataCategories()) {
            if (!Consent.DATA_CATEGORIES.contains(category)) {
                errors.add(new FieldError("consent.dataCategories", "unknown category " + category
                        + "; known: " + Consent.DATA_CATEGORIES));
            }
        }
        for (String category : categoriesCarried(request)) {
            if (!consent.coversData(category)) {
                errors.add(new FieldError("consent.dataCategories", "does not cover " + category
                        + ", which this handover carries"));
            }
        }
    }

    /** The data categories a request actually carries. */
    static List<String> categoriesCarried(NewReferral request) {
        List<String> carried = new ArrayList<>(List.of("identity", "contact", "signals"));
        ClientDetails client = request.client();
        if (client != null && client.safeContact() != null) {
            carried.add("safe-contact");
        }
        if (client != null && (client.preferredLanguage() != null || client.interpreterNeeded()
                || client.literacyNote() != null)) {
            carried.add("language");
        }
        return carried;
    }
}
