package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.zorgpad.console.client.ReferralApi;
import nl.zorgpad.console.client.Referrals.Page;
import nl.zorgpad.console.client.Referrals.Summary;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The midwife's own referrals with their current status: the closed loop, without phoning anyone. */
@Path("/verwijzingen")
@RolesAllowed(Role.MIDWIFE_NAME)
public class MyReferralsPage {

    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referrals(Page<Summary> page);
    }

    private final ReferralApi referrals;
    private final Pages pages;

    MyReferralsPage(@RestClient ReferralApi referrals, Pages pages) {
        this.referrals = referrals;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("pagina") int page) {
        return pages.show(Templates.referrals(referrals.list(null, Math.max(page, 0), PAGE_SIZE)));
    }
}
