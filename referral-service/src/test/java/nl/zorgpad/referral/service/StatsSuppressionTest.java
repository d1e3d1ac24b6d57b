package nl.zorgpad.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsSuppressionTest {

    @Test
    void everyCountUnderFiveIsShownAsLessThanFive() {
        assertEquals("<5", StatsService.suppress(0));
        assertEquals("<5", StatsService.suppress(4));
        assertEquals(5L, StatsService.suppress(5));
        assertEquals(Map.of("a", "<5", "b", 12L), StatsService.suppress(Map.of("a", 3L, "b", 12L)));
    }

    @Test
    void leadTimesOverFewerThanFiveReferralsAreWithheld() {
        StatsService.LeadTime few = StatsService.leadTime(List.of(Duration.ofHours(1), Duration.ofHours(2)));
        assertEquals("<5", few.count());
        assertNull(few.medianHours());
        assertNull(few.p90Hours());
    }

    @Test
    void medianAndP90AreNearestRankPercentiles() {
        List<Duration> hours = List.of(10, 1, 2, 3, 4, 5, 6, 7, 8, 9).stream().map(Duration::ofHours).toList();
        StatsService.LeadTime lead = StatsService.leadTime(hours);
        assertEquals(10, lead.count());
        assertEquals(5.0, lead.medianHours());
        assertEquals(9.0, lead.p90Hours());
    }
}
