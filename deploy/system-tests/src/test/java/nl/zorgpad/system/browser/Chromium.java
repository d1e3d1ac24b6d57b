package nl.zorgpad.system.browser;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Chromium and chromedriver installed on this machine (Debian's {@code chromium} and {@code chromium-driver}).
 * Nothing is ever downloaded at test time: environment variables {@code ZORGPAD_CHROMIUM} and
 * {@code ZORGPAD_CHROMEDRIVER} name other binaries, else {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver};
 * a missing one fails the browser tests with what to install.
 */
record Chromium(Path browser, Path driver) {

    static final String BROWSER_VARIABLE = "ZORGPAD_CHROMIUM";
    static final String DRIVER_VARIABLE = "ZORGPAD_CHROMEDRIVER";

    static Chromium installed() {
        return new Chromium(executable(BROWSER_VARIABLE, "/usr/bin/chromium", "Chromium"),
                executable(DRIVER_VARIABLE, "/usr/bin/chromedriver", "chromedriver"));
    }

    private static Path executable(String variable, String standard, String what) {
        String given = System.getenv(variable);
        Path path = Path.of(given == null || given.isBlank() ? standard : given);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(what + " not found at " + path + ". The browser tests run the console in a"
                    + " real Chromium and never download one: install it with"
                    + " 'apt-get install -y chromium chromium-driver', or name the binaries with " + BROWSER_VARIABLE
                    + " and " + DRIVER_VARIABLE + ", or skip the browser tests with -Dzorgpad.browser.skip=true.");
        }
        return path;
    }
}
