package nl.zorgpad.console.i18n;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;

/**
 * The language of a page: the user's switch (cookie {@code lang}) first, else the browser's Accept-Language, else
 * Dutch. Only Dutch and English exist.
 */
@RequestScoped
public class Locales {

    public static final String COOKIE = "lang";
    public static final Locale DUTCH = Locale.forLanguageTag("nl");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final HttpHeaders headers;

    Locales(HttpHeaders headers) {
        this.headers = headers;
    }

    public Locale current() {
        Cookie chosen = headers.getCookies().get(COOKIE);
        if (chosen != null) {
            return "en".equals(chosen.getValue()) ? ENGLISH : DUTCH;
        }
        List<Locale> acceptable = headers.getAcceptableLanguages();
        for (Locale locale : acceptable) {
            if ("nl".equals(locale.getLanguage())) {
                return DUTCH;
            }
            if ("en".equals(locale.getLanguage())) {
                return ENGLISH;
            }
        }
        return DUTCH;
    }
}
