package nl.zorgpad.referral.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.zorgpad.commons.problem.FieldError;

/**
 * FHIR's {@code _lastUpdated} search as one half-open range of instants, from (inclusive) and before (exclusive).
 * Each value is a prefix ({@code eq} when none; {@code gt}, {@code ge}, {@code lt}, {@code le}) and a date or
 * dateTime; its precision makes it a range (2026-12 is the whole month), compared as FHIR says: {@code gt} is after
 * the whole range, {@code le} up to its end. A date without a time is a day in the configured zone; a dateTime needs
 * its offset. Several values narrow together (gt2026-12-01&amp;lt2026-12-08).
 */
record LastUpdatedRange(Instant from, Instant before) {

    static final LastUpdatedRange ANY = new LastUpdatedRange(null, null);

    static LastUpdatedRange parse(List<String> values, ZoneId zone, List<FieldError> errors) {
        LastUpdatedRange range = ANY;
        for (String value : values == null ? List.<String>of() : values) {
            boolean prefixed = value.length() > 2 && Character.isLetter(value.charAt(0));
            String prefix = prefixed ? value.substring(0, 2) : "eq";
            String moment = prefixed ? value.substring(2) : value;
            Instant[] span = span(moment.strip(), zone);
            if (span == null) {
                errors.add(new FieldError("_lastUpdated", "must be a prefix (eq, gt, ge, lt, le) and a date or a "
                        + "dateTime with its offset, e.g. gt2026-12-01 or ge2026-12-01T08:00:00+01:00; not " + value));
                continue;
            }
            range = switch (prefix) {
                case "eq" -> range.narrow(span[0], span[1]);
                case "gt" -> range.narrow(span[1], null);
                case "ge" -> range.narrow(span[0], null);
                case "lt" -> range.narrow(null, span[0]);
                case "le" -> range.narrow(null, span[1]);
                default -> {
                    errors.add(new FieldError("_lastUpdated", "prefix " + prefix + " is not supported; use eq, gt, "
                            + "ge, lt or le"));
                    yield range;
                }
            };
        }
        return range;
    }

    private LastUpdatedRange narrow(Instant newFrom, Instant newBefore) {
        Instant f = newFrom == null ? from : from == null || newFrom.isAfter(from) ? newFrom : from;
        Instant b = newBefore == null ? before : before == null || newBefore.isBefore(before) ? newBefore : before;
        return new LastUpdatedRange(f, b);
    }

    /** The range a date or dateTime stands for, [start, end); null when it is neither. */
    private static Instant[] span(String moment, ZoneId zone) {
        try {
            if (moment.matches("\\d{4}")) {
                LocalDate start = LocalDate.of(Integer.parseInt(moment), 1, 1);
                return days(start, start.plusYears(1), zone);
            }
            if (moment.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(moment);
                return days(month.atDay(1), month.plusMonths(1).atDay(1), zone);
            }
            if (moment.matches("\\d{4}-\\d{2}-\\d{2}")) {
                LocalDate day = LocalDate.parse(moment);
                return days(day, day.plusDays(1), zone);
            }
            OffsetDateTime time = OffsetDateTime.parse(moment);
            Instant start = time.toInstant();
            return new Instant[] {start, start.plus(1, time.getNano() == 0 ? ChronoUnit.SECONDS : ChronoUnit.MILLIS)};
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant[] days(LocalDate start, LocalDate end, ZoneId zone) {
        return new Instant[] {start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()};
    }
}
