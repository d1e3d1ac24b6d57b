package nl.zorgpad.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReferralDeadlineTest {

    private static Referral requestedWithDeadline(LocalDate deadline) {
        Referral referral = new Referral();
        referral.status = ReferralStatus.REQUESTED.code();
        referral.acknowledgeDeadline = deadline;
        return referral;
    }

    @Test
    void workingDaysLeftCountDownToZeroOnTheDeadline() {
        // deadline Friday 24 April 2026, the last working day before King's Day (Monday 27 April)
        Referral referral = requestedWithDeadline(LocalDate.of(2026, 4, 24));
        assertEquals(4, referral.workingDaysLeft(LocalDate.of(2026, 4, 20)));
        assertEquals(1, referral.workingDaysLeft(LocalDate.of(2026, 4, 23)));
        assertEquals(0, referral.workingDaysLeft(LocalDate.of(2026, 4, 24)));
        assertFalse(referral.isOverdue(LocalDate.of(2026, 4, 24)), "not overdue on the deadline itself");
        // a weekend before the deadline: Saturday 18 April counts Mon 20 to Fri 24
        assertEquals(5, referral.workingDaysLeft(LocalDate.of(2026, 4, 18)));
    }

    @Test
    void pastTheDeadlineItIsNegativeFromTheNextDayOnEvenOverAWeekendAndAHoliday() {
        Referral referral = requestedWithDeadline(LocalDate.of(2026, 4, 24));
        for (LocalDate dayOff : new LocalDate[] {LocalDate.of(2026, 4, 25), LocalDate.of(2026, 4, 26),
                LocalDate.of(2026, 4, 27)}) {
            assertEquals(-1, referral.workingDaysLeft(dayOff), dayOff + " follows the deadline");
            assertTrue(referral.isOverdue(dayOff), dayOff + " is overdue");
        }
        assertEquals(-1, referral.workingDaysLeft(LocalDate.of(2026, 4, 28)), "King's Day does not count");
        assertEquals(-2, referral.workingDaysLeft(LocalDate.of(2026, 4, 29)));
        assertTrue(referral.isOverdue(LocalDate.of(2026, 4, 29)));
    }

    @Test
    void christmasDoesNotCount() {
        Referral referral = requestedWithDeadline(LocalDate.of(2026, 12, 28));
        // Wed 23 Dec 2026: Thu 24, then (Fri 25 Christmas, Sat 26, Sun 27) Mon 28
        assertEquals(2, referral.workingDaysLeft(LocalDate.of(2026, 12, 23)));
        Referral before = requestedWithDeadline(LocalDate.of(2026, 12, 24));
        assertEquals(-1, before.workingDaysLeft(LocalDate.of(2026, 12, 28)));
        assertEquals(-2, before.workingDaysLeft(LocalDate.of(2026, 12, 29)));
    }

    @Test
    void onceAcknowledgedOrClosedTheDeadlineNoLongerApplies() {
        LocalDate deadline = LocalDate.of(2026, 4, 24);
        LocalDate weekLater = LocalDate.of(2026, 5, 1);
        for (ReferralStatus status : ReferralStatus.values()) {
            Referral referral = requestedWithDeadline(deadline);
            referral.status = status.code();
            if (status == ReferralStatus.REQUESTED) {
                assertEquals(-4, referral.workingDaysLeft(weekLater));
                assertTrue(referral.isOverdue(weekLater));
            } else {
                assertNull(referral.workingDaysLeft(weekLater), status.code());
                assertNull(referral.workingDaysLeft(LocalDate.of(2026, 4, 20)), status.code());
                assertFalse(referral.isOverdue(weekLater), status.code());
            }
        }
    }
}
