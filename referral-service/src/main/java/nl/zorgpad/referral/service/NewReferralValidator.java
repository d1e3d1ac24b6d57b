package nl.zorgpad.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.referral.domain.Bsn;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.SignalNote;

/** Every rule a handover request must meet before anything is resolved or stored; all errors at once. */
public final class NewReferralValidator {

    public static final List<String> VULNERABILITY = List.of("self-reliant", "potentially-vulnerable", "vulnerable",
            "very-vulnerable");
    public static final List<String> URGENCY = List.of("routine", "urgent");

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final Pattern SIGNAL = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{8,20}");

    private NewReferralValidator() {
    }

    public static List<FieldError> validate(NewReferral request, LocalDate today, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("", "a request body is required"));
            return errors;
        }
        client(request.client(), today, errors);
        pregnancy(request.pregnancy(), today, errors);
        signals(request.signals(), errors);
        consent(request, now, errors);
        referrer(request.referrer(), errors);
        if (request.partnerId() != null && request.partnerId().isBlank()) {
            errors.add(new FieldError("partnerId", "must not be blank when given"));
        }
        return errors;
    }

    private static void client(ClientDetails client, LocalDate today, List<FieldError> errors) {
        if (client == null) {
            errors.add(new FieldError("client", "is required"));
            return;
        }
        required("client.name", client.name(), 200, errors);
        if (client.birthDate() == null) {
            errors.add(new FieldError("client.birthDate", "is required"));
        } else if (!client.birthDate().isBefore(today) || client.birthDate().isBefore(today.minusYears(70))) {
            errors.add(new FieldError("client.birthDate", "must be a plausible date in the past"));
        }
        if (client.bsn() != null && !Bsn.isValid(client.bsn().strip())) {
            errors.add(new FieldError("client.bsn", "is not a valid BSN (nine digits passing the 11-check)"));
        }
        if (client.phone() != null && !PHONE.matcher(client.phone()).matches()) {
            errors.add(new FieldError("client.phone", "is not a phone number"));
        }
        if (client.email() != null && !EMAIL.matcher(client.email()).matches()) {
            errors.add(new FieldError("client.email", "is not an e-mail address"));
        }
        if (client.phone() == null && client.email() == null) {
            errors.add(new FieldError("client.phone", "a phone number or an e-mail address is required"));
        }
        if (client.postcode() == null || !POSTCODE.matcher(client.postcode().strip()).matches()) {
            errors.add(new FieldError("client.postcode", "must be a Dutch postcode such as 9203 AB"));
        }
        required("client.houseNumber", client.houseNumber(), 16, errors);
        maxLength("client.preferredLanguage", client.preferredLanguage(), 64, errors);
        maxLength("client.literacyNote", client.literacyNote(), 500, errors);
        maxLength("client.safeContactInstructions", client.safeContactInstructions(), 1000, errors);
    }

    private static void pregnancy(NewReferral.Pregnancy pregnancy, LocalDate today, List<FieldError> errors) {
        if (pregnancy == null) {
            errors.add(new FieldError("pregnancy", "is required"));
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
        oneOf("pregnancy.vulnerability", pregnancy.vulnerability(), VULNERABILITY, errors);
        oneOf("pregnancy.urgency", pregnancy.urgency(), URGENCY, errors);
    }

    private static void signals(List<SignalNote> signals, List<FieldError> errors) {
        if (signals == null || signals.isEmpty()) {
            errors.add(new FieldError("signals", "at least one signal is required"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < signals.size(); i++) {
            SignalNote signal = signals.get(i);
            String path = "signals[" + i + "]";
            if (signal == null || signal.code() == null || !SIGNAL.matcher(signal.code()).matches()) {
                errors.add(new FieldError(path + ".code", "must be a signal type code such as financial-debt"));
                continue;
            }
            if (!seen.add(signal.code())) {
                errors.add(new FieldError(path + ".code", "is listed twice"));
            }
            required(path + ".note", signal.note(), 1000, errors);
        }
    }

    private static void consent(NewReferral request, Instant now, List<FieldError> errors) {
        Consent consent = request.consent();
        if (consent == null) {
            errors.add(new FieldError("consent", "the client's consent is required to hand over"));
            return;
        }
        required("consent.givenBy", consent.givenBy(), 200, errors);
        if (consent.givenAt() == null || consent.givenAt().isAfter(now.plusSeconds(300))) {
            errors.add(new FieldError("consent.givenAt", "is required and may not lie in the future"));
        }
        oneOf("consent.method", consent.method(), Consent.METHODS, errors);
        if (consent.partnerKinds() == null || consent.partnerKinds().isEmpty()) {
            errors.add(new FieldError("consent.partnerKinds", "name the kinds of partner the client agreed to"));
        }
        if (consent.dataCategories() == null || consent.dataCategories().isEmpty()) {
            errors.add(new FieldError("consent.dataCategories", "name the data the client agreed to share"));
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
        if (client != null && client.safeContactInstructions() != null && !client.safeContactInstructions().isBlank()) {
            carried.add("safe-contact");
        }
        if (client != null && (client.preferredLanguage() != null || client.interpreterNeeded()
                || client.literacyNote() != null)) {
            carried.add("language");
        }
        return carried;
    }

    private static void referrer(Referrer referrer, List<FieldError> errors) {
        if (referrer == null) {
            errors.add(new FieldError("referrer", "is required"));
            return;
        }
        required("referrer.name", referrer.name(), 200, errors);
        required("referrer.role", referrer.role(), 100, errors);
        if (referrer.phone() == null || !PHONE.matcher(referrer.phone()).matches()) {
            errors.add(new FieldError("referrer.phone", "a phone number to call back on is required"));
        }
    }

    private static void required(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        } else {
            maxLength(field, value, max, errors);
        }
    }

    private static void maxLength(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "may be at most " + max + " characters"));
        }
    }

    private static void oneOf(String field, String value, List<String> allowed, List<FieldError> errors) {
        if (value == null || !allowed.contains(value)) {
            errors.add(new FieldError(field, "must be one of " + allowed));
        }
    }
}
