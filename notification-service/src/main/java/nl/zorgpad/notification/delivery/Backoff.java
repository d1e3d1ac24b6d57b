package nl.zorgpad.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the delay after failed attempt n is {@code base * 2^(n-1)}, capped, spread by
 * plus or minus {@code jitter}. No further attempt is planned past the end of the retry window.
 */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final double jitter;
    private final Duration maxAge;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration cap, double jitter, Duration maxAge, DoubleSupplier random) {
        this.base = base;
        this.cap = cap;
        this.jitter = jitter;
        this.maxAge = maxAge;
        this.random = random;
    }

    /** The delay after the given number of failed attempts (1 = the first attempt failed). */
    public Duration delayAfter(int failedAttempts) {
        int exponent = Math.min(Math.max(failedAttempts - 1, 0), 30);
        double millis = Math.min((double) base.toMillis() * (1L << exponent), (double) cap.toMillis());
        double spread = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(millis * spread)));
    }

    /** When to try again, or empty when the next attempt would fall outside the retry window: dead. */
    public Optional<Instant> nextAttempt(int failedAttempts, Instant now, Instant windowStart) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(windowStart.plus(maxAge)) ? Optional.empty() : Optional.of(next);
    }
}
