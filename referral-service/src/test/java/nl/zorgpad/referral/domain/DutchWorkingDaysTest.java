package nl.zorgpad.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DutchWorkingDaysTest {

    @Test
    void easterSundayAcrossSeveralYears() {
        assertEquals(LocalDate.of(2024, 3, 31), DutchWorkingDays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), DutchWorkingDays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), DutchWorkingDays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), DutchWorkingDays.easterSunday(2027));
        assertEquals(LocalDate.of(2028, 4, 16), DutchWorkingDays.easterSunday(2028));
        assertEquals(LocalDate.of(2030, 4, 21), DutchWorkingDays.easterSunday(2030));
        assertEquals(LocalDate.of(2038, 4, 25), DutchWorkingDays.easterSunday(2038));
    }

    @Test
    void easterBasedHolidaysAreNotWorkingDays() {
        // 2025: Easter Monday 21 April, Ascension 29 May, Whit Monday 9 June
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2025, 4, 21)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2025, 5, 29)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2025, 6, 9)));
        // 2026: Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25)));
        // 2027: Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 3, 29)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 5, 6)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 5, 17)));
        // Good Friday is not a general holiday
        assertTrue(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3)));
    }

    @Test
    void kingsDayMovesToThe26thWhenThe27thIsASunday() {
        assertTrue(DutchWorkingDays.holidays(2025).contains(LocalDate.of(2025, 4, 26)));
        assertFalse(DutchWorkingDays.holidays(2025).contains(LocalDate.of(2025, 4, 27)));
        assertTrue(DutchWorkingDays.holidays(2031).contains(LocalDate.of(2031, 4, 26)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27)));
        assertTrue(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 28)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 4, 27)));
        assertTrue(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 4, 26)));
    }

    @Test
    void liberationDayOnlyEveryFifthYear() {
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2025, 5, 5)));
        assertTrue(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5)));
        assertTrue(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 5, 5)));
        assertTrue(DutchWorkingDays.holidays(2030).contains(LocalDate.of(2030, 5, 5)));
        assertFalse(DutchWorkingDays.holidays(2029).contains(LocalDate.of(2029, 5, 5)));
    }

    @Test
    void newYearAndChristmasAreHolidays() {
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2027, 1, 1)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2026, 12, 25)));
        assertFalse(DutchWorkingDays.isWorkingDay(LocalDate.of(2028, 12, 26)));
    }

    @Test
    void addingWorkingDaysSkipsWeekends() {
        // Tuesday 24 Nov 2026 + 5 working days = Tuesday 1 Dec 2026
        assertEquals(LocalDate.of(2026, 12, 1), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 11, 24), 5));
        // Friday + 1 = Monday
        assertEquals(LocalDate.of(2026, 11, 30), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 11, 27), 1));
        assertEquals(LocalDate.of(2026, 11, 27), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 11, 27), 0));
    }

    @Test
    void addingWorkingDaysSkipsHolidays() {
        // Wed 23 Dec 2026 + 2: Thu 24, (Fri 25, Sat 26, Sun 27 skipped) Mon 28
        assertEquals(LocalDate.of(2026, 12, 28), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 12, 23), 2));
        // Thu 2 April 2026 + 2: Fri 3 (Good Friday, working), (Easter Monday 6 skipped) Tue 7
        assertEquals(LocalDate.of(2026, 4, 7), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 4, 2), 2));
        // Fri 2 May 2025 + 1: Mon 5 May 2025 is Liberation Day, so Tue 6
        assertEquals(LocalDate.of(2025, 5, 6), DutchWorkingDays.addWorkingDays(LocalDate.of(2025, 5, 2), 1));
        // Wed 13 May 2026 + 1: Ascension Thu 14, so Fri 15
        assertEquals(LocalDate.of(2026, 5, 15), DutchWorkingDays.addWorkingDays(LocalDate.of(2026, 5, 13), 1));
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        LocalDate tuesday = LocalDate.of(2026, 11, 24);
        assertEquals(0, DutchWorkingDays.workingDaysBetween(tuesday, tuesday));
        assertEquals(1, DutchWorkingDays.workingDaysBetween(tuesday, LocalDate.of(2026, 11, 25)));
        // Tuesday 24 Nov to Tuesday 1 Dec 2026: Wed, Thu, Fri, Mon, Tue
        assertEquals(5, DutchWorkingDays.workingDaysBetween(tuesday, LocalDate.of(2026, 12, 1)));
        assertEquals(-5, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 12, 1), tuesday));
    }

    @Test
    void workingDaysBetweenSkipsWeekends() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertEquals(0, DutchWorkingDays.workingDaysBetween(friday, LocalDate.of(2026, 11, 28)));
        assertEquals(0, DutchWorkingDays.workingDaysBetween(friday, LocalDate.of(2026, 11, 29)));
        assertEquals(1, DutchWorkingDays.workingDaysBetween(friday, LocalDate.of(2026, 11, 30)));
        assertEquals(1, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 11, 28), LocalDate.of(2026, 11, 30)));
        assertEquals(0, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 11, 29), friday));
        assertEquals(-1, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 11, 30), friday));
    }

    @Test
    void workingDaysBetweenSkipsHolidays() {
        // Fri 24 April 2026 to Tue 28 April: Sat, Sun and King's Day (Mon 27) are days off
        assertEquals(1, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 4, 24), LocalDate.of(2026, 4, 28)));
        assertEquals(-1, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 4, 28), LocalDate.of(2026, 4, 24)));
        // Wed 23 Dec 2026 to Mon 28 Dec: Thu 24 and Mon 28 (Christmas on Friday, Boxing Day on Saturday)
        assertEquals(2, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 12, 23), LocalDate.of(2026, 12, 28)));
        // Thu 31 Dec 2026 to Mon 4 Jan 2027: New Year's Day on Friday
        assertEquals(1, DutchWorkingDays.workingDaysBetween(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 4)));
    }

    @Test
    void workingDaysBetweenUndoesAddingWorkingDays() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() == 2026; day = day.plusDays(1)) {
            for (int n = 0; n <= 12; n++) {
                LocalDate later = DutchWorkingDays.addWorkingDays(day, n);
                assertEquals(n, DutchWorkingDays.workingDaysBetween(day, later), day + " + " + n);
                assertEquals(-n, DutchWorkingDays.workingDaysBetween(later, day), later + " back to " + day);
            }
        }
    }
}
