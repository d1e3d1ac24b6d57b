package nl.zorgpad.notification.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The current time at PostgreSQL's precision (microseconds), so a value reads back as it was written. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
