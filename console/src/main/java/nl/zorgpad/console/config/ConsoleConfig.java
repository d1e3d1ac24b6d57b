package nl.zorgpad.console.config;

import io.smallrye.config.ConfigMapping;
import java.time.ZoneId;

/** Settings of the console ({@code zorgpad.console.*}). */
@ConfigMapping(prefix = "zorgpad.console")
public interface ConsoleConfig {

    /** Encrypts the session cookie and keys the CSRF tokens; at least 32 characters, the same on every replica. */
    String sessionSecret();

    /** Where "today" is, for deadlines and dates on the pages. */
    ZoneId timeZone();
}
