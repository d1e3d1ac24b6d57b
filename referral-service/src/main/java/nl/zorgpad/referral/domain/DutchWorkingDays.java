package nl.zorgpad.referral.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days in the Netherlands: Monday to Friday except the public holidays agreed in most collective
 * agreements: New Year's Day, Easter Monday, King's Day (27 April, or 26 April when the 27th is a Sunday),
 * Liberation Day (5 May, in every fifth year: 2025, 2030, ...), Ascension Day, Whit Monday, Christmas Day and
 * Boxing Day. Good Friday and the Easter and Whit Sundays fall on days that are not working days anyway or are
 * not generally free.
 */
public final class DutchWorkingDays {

    private DutchWorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays(date.getYear()).contains(date);
    }

    /** The date {@code days} working days after {@code start} (start itself is not counted). */
    public static LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                left--;
            }
        }
        return date;
    }

    /**
     * The working days after {@code from} up to and including {@code to}; when {@code to} lies before {@code from},
     * minus the working days after {@code to} up to and including {@code from}. Zero for the same day, and also when
     * only days off lie between (Friday to Saturday). The inverse of {@link #addWorkingDays} for a working day:
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
     */
    public static int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int days = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                days++;
            }
        }
        return days;
    }

    public static Set<LocalDate> holidays(int year) {
        Set<LocalDate> holidays = new HashSet<>();
        LocalDate easter = easterSunday(year);
        holidays.add(LocalDate.of(year, Month.JANUARY, 1));
        holidays.add(easter.plusDays(1));
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        holidays.add(kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY ? kingsDay.minusDays(1) : kingsDay);
        if (year % 5 == 0) {
            holidays.add(LocalDate.of(year, Month.MAY, 5));
        }
        holidays.add(easter.plusDays(39));
        holidays.add(easter.plusDays(50));
        holidays.add(LocalDate.of(year, Month.DECEMBER, 25));
        holidays.add(LocalDate.of(year, Month.DECEMBER, 26));
        return holidays;
    }

    /** Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
