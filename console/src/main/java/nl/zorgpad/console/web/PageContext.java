package nl.zorgpad.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import nl.zorgpad.console.i18n.Locales;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.CsrfTokens;

/** What every page's layout needs besides its own data: language and the session's CSRF token ({@code inject:page}). */
@RequestScoped
@Named("page")
public class PageContext {

    private final Locales locales;
    private final ConsoleUser user;
    private final CsrfTokens csrf;
    private String csrfToken;

    PageContext(Locales locales, ConsoleUser user, CsrfTokens csrf) {
        this.locales = locales;
        this.user = user;
        this.csrf = csrf;
    }

    public String getLang() {
        return locales.current().getLanguage();
    }

    public String getOtherLang() {
        return "nl".equals(getLang()) ? "en" : "nl";
    }

    /** Computed once per page, however many forms the page has. */
    public String getCsrfToken() {
        if (csrfToken == null) {
            csrfToken = user.isLoggedIn() ? csrf.tokenFor(user.getSessionId()) : "";
        }
        return csrfToken;
    }

    /** The htmx headers of every request from this page: the CSRF token, and the marker of a script request. */
    public String getHtmxHeaders() {
        return "{\"" + CsrfTokens.HEADER + "\": \"" + getCsrfToken() + "\", \"X-Requested-With\": \"JavaScript\"}";
    }
}
