package nl.zorgpad.console.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.console.client.ServiceProblem;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The privacy officer's search as typed: a BSN, or a name with a birth date, or a referral id. It comes back to the
 * page unchanged when it is refused, each fault beside its field as {@link #MISSING} (left empty, but needed) or
 * {@link #INVALID} (filled in, but not readable).
 */
public class AccessLogSearch {

    static final String MISSING = "missing";
    static final String INVALID = "invalid";
    /** Only a referral id, where a client is needed (the overview for a client). */
    static final String NO_CLIENT = "no-client";
    private static final Set<String> FIELDS = Set.of("bsn", "name", "birthDate", "referralId");

    @RestForm public String bsn;
    @RestForm public String name;
    /** As the browser's date field sends it: yyyy-mm-dd. */
    @RestForm public String birthDate;
    @RestForm public String referralId;

    /** Why a field was refused ({@code missing} or {@code invalid}), by the field's name in the form. */
    public final Map<String, String> errors = new LinkedHashMap<>();

    /** The search behind a referral id in the result table. */
    static AccessLogSearch forReferral(String referralId) {
        AccessLogSearch search = new AccessLogSearch();
        search.referralId = referralId;
        return search;
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String errorFor(String field) {
        return errors.getOrDefault(field, "");
    }

    /**
     * Whether the service could read this search: a referral id and a date that do not parse would not reach it as
     * a field error, so the console marks them itself. Everything else is the service's to judge.
     */
    boolean readable() {
        errors.clear();
        if (present(birthDate) && birthDateValue() == null) {
            errors.put("birthDate", INVALID);
        }
        if (present(referralId) && referralIdValue() == null) {
            errors.put("referralId", INVALID);
        }
        return errors.isEmpty();
    }

    /**
     * Whether this search names a client (a BSN, a name or a birth date), as the overview for a client needs: a
     * referral id alone does not. When not, the BSN field says so ({@link #NO_CLIENT}).
     */
    boolean namesAClient() {
        errors.clear();
        if (present(bsn) || present(name) || present(birthDate)) {
            return true;
        }
        errors.put("bsn", NO_CLIENT);
        return false;
    }

    /**
     * The service's field errors in this form's terms: a field the user left empty is missing (the service wants it,
     * e.g. the birth date that goes with a name, or any criterion at all), a filled one is invalid.
     */
    void refusedWith(ServiceProblem problem) {
        errors.clear();
        for (ServiceProblem.FieldError error : problem.errors()) {
            if (FIELDS.contains(error.field())) {
                errors.put(error.field(), present(typed(error.field())) ? INVALID : MISSING);
            }
        }
    }

    /** The BSN without the spaces and dots people write in it ("1234 56 782"); null when empty. */
    String bsnValue() {
        return present(bsn) ? bsn.replaceAll("[\\s.]", "") : null;
    }

    String nameValue() {
        return present(name) ? name.strip() : null;
    }

    LocalDate birthDateValue() {
        if (!present(birthDate)) {
            return null;
        }
        try {
            return LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    UUID referralIdValue() {
        if (!present(referralId)) {
            return null;
        }
        String value = referralId.strip();
        try {
            UUID id = UUID.fromString(value);
            // fromString also takes shortened groups ("1-2-3-4-5"); only the full form names a referral.
            return id.toString().equalsIgnoreCase(value) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String typed(String field) {
        return switch (field) {
            case "bsn" -> bsn;
            case "name" -> name;
            case "birthDate" -> birthDate;
            default -> referralId;
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
