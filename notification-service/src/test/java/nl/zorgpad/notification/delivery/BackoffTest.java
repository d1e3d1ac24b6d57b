package nl.zorgpad.notification.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration CAP = Duration.ofHours(4);
    private static final Duration DAY = Duration.ofHours(24);

    @Test
    void delaysDoubleFromThirtySecondsWithoutJitter() {
        Backoff backoff = new Backoff(BASE, CAP, 0.2, DAY, () -> 0.5);
        assertEquals(Duration.ofSeconds(30), backoff.delayAfter(1));
        assertEquals(Duration.ofSeconds(60), backoff.delayAfter(2));
        assertEquals(Duration.ofMinutes(2), backoff.delayAfter(3));
        assertEquals(Duration.ofMinutes(64), backoff.delayAfter(8));
    }

    @Test
    void delaysAreCappedAtTheMaximum() {
        Backoff backoff = new Backoff(BASE, CAP, 0.2, DAY, () -> 0.5);
        assertEquals(CAP, backoff.delayAfter(10));
        assertEquals(CAP, backoff.delayAfter(200));
    }

    @Test
    void jitterSpreadsEachDelayWithinPlusOrMinusTheFraction() {
        assertEquals(Duration.ofSeconds(24), new Backoff(BASE, CAP, 0.2, DAY, () -> 0.0).delayAfter(1));
        assertEquals(Duration.ofSeconds(36), new Backoff(BASE, CAP, 0.2, DAY, () -> 1.0).delayAfter(1));
        Backoff random = new Backoff(BASE, CAP, 0.2, DAY, Math::random);
        for (int i = 0; i < 100; i++) {
            long millis = random.delayAfter(3).toMillis();
            assertTrue(millis >= 96_000 && millis <= 144_000, "delay " + millis);
        }
    }

    @Test
    void noAttemptIsPlannedAfterTwentyFourHours() {
        Backoff backoff = new Backoff(BASE, CAP, 0.2, DAY, () -> 0.5);
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        assertEquals(start.plusSeconds(30), backoff.nextAttempt(1, start, start).orElseThrow());
        Instant late = start.plus(Duration.ofHours(21));
        assertTrue(backoff.nextAttempt(12, late, start).isEmpty(), "21 h + 4 h is past the window");
        assertTrue(backoff.nextAttempt(12, start.plus(Duration.ofHours(19)), start).isPresent());
    }

    @Test
    void theWholeScheduleMakesFourteenAttemptsAndGivesUpWithinADay() {
        Backoff backoff = new Backoff(BASE, CAP, 0.2, DAY, () -> 0.5);
        Instant start = Instant.parse("2026-11-24T10:00:00Z");
        Instant now = start;
        int attempts = 1;
        while (true) {
            var next = backoff.nextAttempt(attempts, now, start);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
            attempts++;
        }
        assertTrue(now.isBefore(start.plus(DAY)) || now.equals(start.plus(DAY)));
        assertTrue(now.isAfter(start.plus(Duration.ofHours(20))), "retries span most of the day");
        // 30 s .. 128 min (9 gaps, about 4.3 h), then 4 h gaps at 8.3, 12.3, 16.3 and 20.3 h: 14 attempts.
        assertEquals(14, attempts);
    }
}
