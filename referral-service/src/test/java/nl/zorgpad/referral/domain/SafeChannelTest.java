package nl.zorgpad.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SafeChannelTest {

    @Test
    void theValidationPatternAndTheMessageNameExactlyTheChannels() {
        assertEquals(String.join("|", SafeChannel.codes()), SafeChannel.PATTERN);
        assertEquals("must be one of " + SafeChannel.codes().toString(), SafeContact.CHANNEL_MESSAGE);
    }

    @Test
    void theDayPatternNamesExactlyTheWeekdays() {
        assertEquals(String.join("|", Weekday.codes()), Weekday.PATTERN);
        assertEquals(java.time.DayOfWeek.values().length, Weekday.codes().size());
    }
}
