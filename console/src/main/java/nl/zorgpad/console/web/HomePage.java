package nl.zorgpad.console.web;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import nl.zorgpad.console.i18n.Locales;
import nl.zorgpad.console.security.ConsoleUser;

/** The start page sends each person to her own screen; the language switch remembers the choice in a cookie. */
@Path("/")
public class HomePage {

    private final ConsoleUser user;
    private final Pages pages;

    HomePage(ConsoleUser user, Pages pages) {
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Authenticated
    public Response start() {
        String screen = user.isDistrictTeam() ? "/werkbak"
                : user.isMidwife() ? "/verwijzingen"
                : user.isVsvAdmin() ? "/regio"
                : user.isPrivacyOfficer() ? "/logging"
                : null;
        if (screen == null) {
            return pages.error(Response.Status.FORBIDDEN, "forbidden");
        }
        return Response.seeOther(URI.create(screen)).build();
    }

    @GET
    @Path("taal/{lang}")
    @Authenticated
    public Response language(@PathParam("lang") String lang) {
        String chosen = "en".equals(lang) ? "en" : "nl";
        NewCookie cookie = new NewCookie.Builder(Locales.COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                .httpOnly(true).sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create("/")).cookie(cookie).build();
    }

    /** Where Keycloak sends the browser back when a login did not complete. */
    @GET
    @Path("inloggen-mislukt")
    public Response loginFailed() {
        return pages.error(Response.Status.UNAUTHORIZED, "login-failed");
    }
}
