package nl.zorgpad.console.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/** How numbers and dates read on the pages: Dutch notation by default ("12 april 2026, 14:05"). */
@TemplateExtension
public final class Formats {

    private static final class Zone {
        // Read once, on first use at run time: the one time zone setting of the console.
        static final ZoneId VALUE = ConfigProvider.getConfig().getValue("zorgpad.time-zone", ZoneId.class);
    }

    private Formats() {
    }

    /** The product's one time zone ({@code zorgpad.time-zone}): where "today" is on the pages. */
    static ZoneId zone() {
        return Zone.VALUE;
    }

    static int abs(Integer number) {
        return number == null ? 0 : Math.abs(number);
    }

    /** "12 april 2026" (Dutch) or "12 April 2026" (English). */
    static String date(LocalDate date, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return date == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", localeOf(locale)).format(date);
    }

    /** "12 april 2026, 14:05", in the Netherlands' time. */
    static String dateTime(Instant at, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", localeOf(locale))
                .format(at.atZone(Zone.VALUE));
    }

    /** The machine-readable form for a {@code <time datetime>} attribute. */
    static String iso(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static Locale localeOf(Object locale) {
        return locale instanceof Locale l ? l : Locale.forLanguageTag("nl");
    }
}
