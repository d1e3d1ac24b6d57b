package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.console.client.ReferralApi;
import nl.zorgpad.console.client.Referrals.HistoryLine;
import nl.zorgpad.console.client.Referrals.StatusRequest;
import nl.zorgpad.console.client.Referrals.View;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * One referral, for both ends of the handover: the receiving team works it (accept, reject, hold, first contact,
 * complete), the referring midwife follows it and may cancel. The link in notification e-mails leads here.
 */
@Path("/verwijzingen/{id}")
@RolesAllowed({Role.DISTRICT_TEAM_NAME, Role.MIDWIFE_NAME})
public class ReferralPage {

    /** A referral, the version the page shows (sent back as If-Match), its history, and the last form's outcome. */
    public record Screen(View referral, String version, List<HistoryLine> history, StatusForm form, String done) {

        public boolean isStale() {
            return form.hasProblem() && (form.problemStatus() == 412 || form.problemStatus() == 409);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance referral(Screen screen);
    }

    private final ReferralApi referrals;
    private final Pages pages;

    ReferralPage(@RestClient ReferralApi referrals, Pages pages) {
        this.referrals = referrals;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath UUID id, @QueryParam("gedaan") String done) {
        return render(id, StatusForm.empty(), done == null ? "" : done);
    }

    /**
     * A move to another status with the version the user saw: someone else's change in between is refused by the
     * service (412), and the page shows the fresh state with a message instead of overwriting it.
     */
    @POST
    @Path("/status")
    @Produces(MediaType.TEXT_HTML)
    public Response changeStatus(@RestPath UUID id, @RestForm String version, @RestForm String status,
                                 @RestForm String reasonCode, @RestForm String reasonText,
                                 @RestForm String outcome) {
        try {
            referrals.changeStatus(id, version, new StatusRequest(status, blankToNull(reasonCode),
                    blankToNull(reasonText), blankToNull(outcome)));
            return Response.seeOther(URI.create("/verwijzingen/" + id + "?gedaan=" + status)).build();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            StatusForm form = StatusForm.refused(status, reasonCode, reasonText, outcome, problem);
            int code = problem.status() >= 500 ? 503 : problem.status() == 412 ? 409 : problem.status();
            return Response.status(code).type(MediaType.TEXT_HTML_TYPE).entity(render(id, form, "")).build();
        }
    }

    private TemplateInstance render(UUID id, StatusForm form, String done) {
        RestResponse<View> response = referrals.get(id);
        String version = response.getHeaderString("ETag");
        List<HistoryLine> history = referrals.history(id);
        return pages.show(Templates.referral(new Screen(response.getEntity(), version, history, form, done)));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
