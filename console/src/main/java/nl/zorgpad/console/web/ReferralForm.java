package nl.zorgpad.console.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.console.client.Pathways.ResolveRequest;
import nl.zorgpad.console.client.Referrals;
import nl.zorgpad.console.client.ServiceProblem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The midwife's referral form as typed, in the order of the conversation: client and pregnancy, signals with a
 * note each, consent, referrer. It travels back to the page unchanged when a service refuses it, so nothing typed
 * is lost; the service's field errors are kept by their JSON path ({@code client.birthDate}).
 */
public class ReferralForm {

    /** Sent with the form, so a double submit or a retry after an error creates the referral once. */
    @RestForm public String idempotencyKey;

    @RestForm public String name;
    @RestForm public String birthDate;
    @RestForm public String bsn;
    @RestForm public String phone;
    @RestForm public String email;
    @RestForm public String postcode;
    @RestForm public String houseNumber;
    @RestForm public String preferredLanguage;
    @RestForm public String interpreterNeeded;
    @RestForm public String literacyNote;
    /** Safe contact: the safe channels, a safe number, one period of safe days and times, no messages, a note. */
    @RestForm public List<String> safeChannel = new ArrayList<>();
    @RestForm public String safePhone;
    @RestForm public List<String> safeDay = new ArrayList<>();
    @RestForm public String safeFrom;
    @RestForm public String safeUntil;
    @RestForm public String safeNoMessages;
    @RestForm public String safeNote;

    @RestForm public String dueDate;
    @RestForm public String childBirthDate;
    @RestForm public String vulnerability;
    @RestForm public String urgency;

    /** The chosen signals' codes. */
    @RestForm public List<String> signal = new ArrayList<>();
    /** One note per signal of the catalogue, in the same order as {@link #noteCode}. */
    @RestForm public List<String> note = new ArrayList<>();
    @RestForm public List<String> noteCode = new ArrayList<>();

    @RestForm public String consentMethod;
    @RestForm public List<String> partnerKind = new ArrayList<>();
    @RestForm public List<String> dataCategory = new ArrayList<>();

    @RestForm public String referrerName;
    @RestForm public String referrerPhone;

    /** Field errors by JSON path, from the service's answer. */
    public Map<String, String> errors = new LinkedHashMap<>();

    /** An empty form for a new referral, with the referrer filled in and the usual consent pre-selected. */
    static ReferralForm blank(String referrerName) {
        ReferralForm form = new ReferralForm();
        form.idempotencyKey = UUID.randomUUID().toString();
        form.referrerName = referrerName;
        form.preferredLanguage = "nl";
        form.vulnerability = "vulnerable";
        form.urgency = "routine";
        form.consentMethod = "verbal";
        form.dataCategory = new ArrayList<>(List.of("identity", "contact", "signals", "language"));
        return form;
    }

    public boolean chose(String code) {
        return signal.contains(code);
    }

    public String noteFor(String code) {
        int index = noteCode.indexOf(code);
        return index >= 0 && index < note.size() ? note.get(index) : "";
    }

    public boolean hasKind(String kind) {
        return partnerKind.contains(kind);
    }

    public boolean hasSafeChannel(String channel) {
        return safeChannel.contains(channel);
    }

    public boolean hasSafeDay(String day) {
        return safeDay.contains(day);
    }

    public boolean hasCategory(String category) {
        return dataCategory.contains(category);
    }

    public boolean hasError(String field) {
        return errors.keySet().stream().anyMatch(path -> path.equals(field) || path.startsWith(field + ".")
                || path.startsWith(field + "["));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * The fields at fault, named as the page names them: a signal's note is {@code signals.note} whichever signal it
     * is (the service numbers them in the order chosen).
     */
    public List<String> errorFields() {
        return errors.keySet().stream().map(path -> path.replaceAll("\\[\\d+]", "")).distinct().toList();
    }

    /** Whether the service refused the note of this chosen signal. */
    public boolean noteRefused(String code) {
        int index = signal.indexOf(code);
        return index >= 0 && errors.containsKey("signals[" + index + "].note");
    }

    void refusedWith(ServiceProblem problem) {
        errors.clear();
        problem.errors().forEach(e -> errors.put(e.field(), e.message()));
    }

    /** What pathway-service needs for the preview; dates that do not parse are left out (the preview says so). */
    ResolveRequest toResolveRequest() {
        return new ResolveRequest(blankToNull(postcode), List.copyOf(signal), date(dueDate), date(childBirthDate),
                blankToNull(vulnerability), blankToNull(urgency));
    }

    /** The referral as referral-service takes it; consent is given now, by the client, as the midwife records. */
    Referrals.NewReferral toNewReferral(Instant now) {
        List<Referrals.SignalNote> signals = new ArrayList<>();
        for (String code : signal) {
            signals.add(new Referrals.SignalNote(code, blankToNull(noteFor(code))));
        }
        Referrals.Client client = new Referrals.Client(blankToNull(name), date(birthDate), blankToNull(bsn),
                blankToNull(phone), blankToNull(email), blankToNull(postcode), blankToNull(houseNumber),
                blankToNull(preferredLanguage), "on".equals(interpreterNeeded) ? Boolean.TRUE : null,
                blankToNull(literacyNote), safeContact());
        Referrals.Pregnancy pregnancy = new Referrals.Pregnancy(date(dueDate), date(childBirthDate),
                blankToNull(vulnerability), blankToNull(urgency));
        Referrals.Consent consent = new Referrals.Consent("client", now, blankToNull(consentMethod),
                List.copyOf(partnerKind), List.copyOf(dataCategory));
        Referrals.Referrer referrer = new Referrals.Referrer(blankToNull(referrerName), "midwife",
                blankToNull(referrerPhone));
        return new Referrals.NewReferral(client, pregnancy, signals, consent, referrer);
    }

    /**
     * The safe-contact rules, or null when the midwife filled in none of them. A period of safe times is sent when
     * a day or a time is given, so that a half-filled period comes back as a field error rather than being dropped.
     */
    private Referrals.SafeContact safeContact() {
        boolean period = !safeDay.isEmpty() || blankToNull(safeFrom) != null || blankToNull(safeUntil) != null;
        boolean noMessages = "on".equals(safeNoMessages);
        if (safeChannel.isEmpty() && blankToNull(safePhone) == null && !period && !noMessages
                && blankToNull(safeNote) == null) {
            return null;
        }
        List<Referrals.SafeTime> times = period
                ? List.of(new Referrals.SafeTime(List.copyOf(safeDay), blankToNull(safeFrom), blankToNull(safeUntil)))
                : List.of();
        return new Referrals.SafeContact(List.copyOf(safeChannel), blankToNull(safePhone), times, noMessages,
                blankToNull(safeNote));
    }

    /**
     * A date as the browser's date field sends it (yyyy-mm-dd). Anything else is passed on as missing, and the
     * service's refusal names the field.
     */
    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
