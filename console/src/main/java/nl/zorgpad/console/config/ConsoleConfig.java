package nl.zorgpad.console.config;

import io.smallrye.config.ConfigMapping;

/** Settings of the console ({@code zorgpad.console.*}). */
@ConfigMapping(prefix = "zorgpad.console")
public interface ConsoleConfig {

    /** Encrypts the session cookie and keys the CSRF tokens; at least 32 characters, the same on every replica. */
    String sessionSecret();
}
