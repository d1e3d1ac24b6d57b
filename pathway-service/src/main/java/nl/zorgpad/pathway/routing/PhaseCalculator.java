package nl.zorgpad.pathway.routing;

import java.time.LocalDate;

/**
 * Derives the phase of the first 1000 days from a due date or a birth date. Conception is taken as the due date
 * minus 280 days; a pregnancy past its due date stays a pregnancy until 42 weeks (due date + 14 days); after birth
 * the window runs up to (not including) the child's second birthday.
 */
public final class PhaseCalculator {

    public static final int PREGNANCY_DAYS = 280;
    public static final int OVERDUE_DAYS = 14;

    private PhaseCalculator() {
    }

    /** Thrown when the dates do not place the family inside the 1000-day window. */
    public static final class OutsideWindowException extends RuntimeException {
        private final String field;

        public OutsideWindowException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /** The phase given, or else derived from the birth date, or else from the due date. */
    public static Phase phaseOf(Phase given, LocalDate dueDate, LocalDate birthDate, LocalDate today) {
        if (given != null) {
            return given;
        }
        if (birthDate != null) {
            return fromBirthDate(birthDate, today);
        }
        if (dueDate != null) {
            return fromDueDate(dueDate, today);
        }
        throw new OutsideWindowException("phase", "give a phase, a due date or a birth date");
    }

    public static Phase fromBirthDate(LocalDate birthDate, LocalDate today) {
        if (today.isBefore(birthDate)) {
            throw new OutsideWindowException("birthDate", "lies in the future; give a due date for a pregnancy");
        }
        if (!today.isBefore(birthDate.plusYears(2))) {
            throw new OutsideWindowException("birthDate",
                    "the child turned two on " + birthDate.plusYears(2) + ": outside the first 1000 days");
        }
        return Phase.POSTPARTUM;
    }

    public static Phase fromDueDate(LocalDate dueDate, LocalDate today) {
        LocalDate conception = dueDate.minusDays(PREGNANCY_DAYS);
        if (today.isBefore(conception)) {
            return Phase.PRECONCEPTION;
        }
        if (today.isAfter(dueDate.plusDays(OVERDUE_DAYS))) {
            throw new OutsideWindowException("dueDate",
                    "lies more than " + OVERDUE_DAYS + " days in the past; give the birth date instead");
        }
        return Phase.PREGNANCY;
    }
}
