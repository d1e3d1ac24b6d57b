package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import nl.zorgpad.console.client.PathwayApi;
import nl.zorgpad.console.client.Pathways.Resolved;
import nl.zorgpad.console.client.ReferralApi;
import nl.zorgpad.console.client.Referrals.Created;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The midwife refers a family: the form in the order of the conversation, a route preview before sending (which
 * partner, what they agreed, how fast, and named gaps), then consent and send. A refusal brings the same form back
 * with the Dutch message and the field errors; a duplicate links to the open referral.
 */
@Path("/verwijzingen/nieuw")
@RolesAllowed(Role.MIDWIFE_NAME)
public class NewReferralPage {

    /** The form, the route preview, and the last refusal (slug and status; empty when none). */
    public record FormScreen(ReferralForm form, Preview preview, String problemSlug, int problemStatus,
                             String existingReferralId) {

        public boolean hasProblem() {
            return problemStatus != 0;
        }
    }

    /** A route preview: the routes per signal, or why there is none yet. */
    public record Preview(Resolved resolved, String missing, boolean unavailable, String urgency) {

        static Preview none() {
            return new Preview(null, "", false, "routine");
        }

        public boolean isShown() {
            return resolved != null || !missing.isEmpty() || unavailable;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormScreen screen);

        static native TemplateInstance preview(Preview preview);

        static native TemplateInstance sent(Created created);
    }

    private final ReferralApi referrals;
    private final PathwayApi pathways;
    private final ConsoleUser user;
    private final Pages pages;
    private final Clock clock;

    NewReferralPage(@RestClient ReferralApi referrals, @RestClient PathwayApi pathways, ConsoleUser user,
                    Pages pages) {
        this.referrals = referrals;
        this.pages = pages;
        this.pathways = pathways;
        this.user = user;
        this.clock = Clock.systemUTC();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return pages.show(Templates.form(new FormScreen(ReferralForm.blank(user.getName()), Preview.none(), "", 0,
                "")));
    }

    /** The route preview (htmx): where this family's signals would go, before anything is sent. */
    @POST
    @Path("/route")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(@BeanParam ReferralForm form) {
        return pages.show(Templates.preview(previewOf(form)));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response send(@BeanParam ReferralForm form) {
        try {
            Created created = referrals.create(form.idempotencyKey, form.toNewReferral(Instant.now(clock)));
            return Response.ok(pages.show(Templates.sent(created))).build();
        } catch (ServiceProblem problem) {
            form.refusedWith(problem);
            String existing = problem.extension("existingReferralId").orElse("");
            int status = problem.status() >= 500 ? 503 : problem.status();
            return Response.status(status).entity(pages.show(Templates.form(new FormScreen(form, previewOf(form),
                    problem.slug(), problem.status(), existing)))).build();
        } catch (jakarta.ws.rs.ProcessingException e) {
            return Response.status(503).entity(pages.show(Templates.form(new FormScreen(form, previewOf(form),
                    "unavailable", 503, "")))).build();
        }
    }

    private Preview previewOf(ReferralForm form) {
        if (form.signal.isEmpty()) {
            return new Preview(null, "signals", false, form.urgency);
        }
        if (form.postcode == null || form.postcode.isBlank()) {
            return new Preview(null, "postcode", false, form.urgency);
        }
        try {
            return new Preview(pathways.resolve(form.toResolveRequest()), "", false, form.urgency);
        } catch (ServiceProblem problem) {
            return new Preview(null, problem.status() >= 500 ? "" : "input", problem.status() >= 500,
                    form.urgency);
        } catch (jakarta.ws.rs.ProcessingException e) {
            return new Preview(null, "", true, form.urgency);
        }
    }
}
