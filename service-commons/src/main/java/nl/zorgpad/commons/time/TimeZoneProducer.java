package nl.zorgpad.commons.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one time zone the product reasons in: deadlines in working days, "today" for overdue referrals, the phase of
 * a pregnancy on a given date. Configured once, as {@code zorgpad.time-zone}, for every service.
 */
@Singleton
public class TimeZoneProducer {

    public static final String PROPERTY = "zorgpad.time-zone";

    @Produces
    @Singleton
    ZoneId zone(@ConfigProperty(name = PROPERTY, defaultValue = "Europe/Amsterdam") ZoneId zone) {
        return zone;
    }
}
