package nl.zorgpad.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.console.i18n.Locales;

/** Renders pages in the user's language, and the error pages every screen shares. */
@RequestScoped
public class Pages {

    private final Locales locales;
    private final Template error;

    Pages(Locales locales, @Location("error.html") Template error) {
        this.locales = locales;
        this.error = error;
    }

    /** The page in the user's language. */
    public TemplateInstance show(TemplateInstance page) {
        return page.setAttribute("locale", locales.current());
    }

    /**
     * An error page: {@code kind} is {@code not-found}, {@code forbidden}, {@code csrf}, {@code unavailable} or
     * {@code login-failed}. A referral of another organisation gets the same page as one that does not exist.
     */
    public Response error(Response.Status status, String kind) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(show(error.data("kind", kind).data("status", status.getStatusCode()))).build();
    }
}
