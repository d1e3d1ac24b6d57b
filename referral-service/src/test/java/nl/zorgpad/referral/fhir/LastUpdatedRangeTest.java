package nl.zorgpad.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.commons.problem.FieldError;
import org.junit.jupiter.api.Test;

class LastUpdatedRangeTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static LastUpdatedRange parse(String... values) {
        List<FieldError> errors = new ArrayList<>();
        LastUpdatedRange range = LastUpdatedRange.parse(List.of(values), AMSTERDAM, errors);
        assertEquals(List.of(), errors);
        return range;
    }

    private static List<FieldError> refused(String value) {
        List<FieldError> errors = new ArrayList<>();
        LastUpdatedRange.parse(List.of(value), AMSTERDAM, errors);
        return errors;
    }

    @Test
    void aDayIsADayInAmsterdamAndGtMeansAfterAllOfIt() {
        assertEquals(new LastUpdatedRange(Instant.parse("2026-12-01T23:00:00Z"), null), parse("gt2026-12-01"));
        assertEquals(new LastUpdatedRange(Instant.parse("2026-11-30T23:00:00Z"), null), parse("ge2026-12-01"));
        assertEquals(new LastUpdatedRange(null, Instant.parse("2026-11-30T23:00:00Z")), parse("lt2026-12-01"));
        assertEquals(new LastUpdatedRange(null, Instant.parse("2026-12-01T23:00:00Z")), parse("le2026-12-01"));
        assertEquals(new LastUpdatedRange(Instant.parse("2026-11-30T23:00:00Z"),
                Instant.parse("2026-12-01T23:00:00Z")), parse("2026-12-01"));
    }

    @Test
    void aMonthOrYearIsTheWholeOfItAcrossSummerTime() {
        assertEquals(new LastUpdatedRange(Instant.parse("2026-02-28T23:00:00Z"),
                Instant.parse("2026-03-31T22:00:00Z")), parse("eq2026-03"));
        assertEquals(new LastUpdatedRange(null, Instant.parse("2026-12-31T23:00:00Z")), parse("le2026"));
    }

    @Test
    void aDateTimeWithItsOffsetIsASecondOrAMillisecond() {
        assertEquals(new LastUpdatedRange(Instant.parse("2026-12-07T09:00:01Z"), null),
                parse("gt2026-12-07T10:00:00+01:00"));
        assertEquals(new LastUpdatedRange(Instant.parse("2026-12-07T10:00:00.124Z"), null),
                parse("gt2026-12-07T10:00:00.123Z"));
    }

    @Test
    void severalValuesNarrowTogether() {
        assertEquals(new LastUpdatedRange(Instant.parse("2026-12-01T23:00:00Z"),
                Instant.parse("2026-12-07T23:00:00Z")), parse("gt2026-12-01", "lt2026-12-08", "ge2026-11-01"));
    }

    @Test
    void whatIsNoSupportedPrefixOrMomentIsNamed() {
        assertEquals("_lastUpdated", refused("ne2026-12-01").get(0).field());
        assertEquals(1, refused("gtyesterday").size());
        assertEquals(1, refused("ge2026-12-01T08:00:00").size(), "a dateTime needs its offset");
        assertEquals(1, refused("2026-13-01").size());
    }
}
