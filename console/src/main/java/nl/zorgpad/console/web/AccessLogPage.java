package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.zorgpad.console.client.AccessLogApi;
import nl.zorgpad.console.client.AccessLogs.ClientOverview;
import nl.zorgpad.console.client.AccessLogs.Line;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.i18n.AccessLogText;
import nl.zorgpad.console.i18n.Locales;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The privacy officer's answer to "who saw my data" (NEN 7513, Wabvpz): every access to a client's referrals, found
 * by BSN, by name and birth date, or by referral id, as a table and as a CSV file. The criteria come in a form body,
 * never in the URL, and are not logged; a referral id (no client data, as in the referral pages' own URLs) may be.
 *
 * <p>The same search by BSN or by name and birth date also gives the printable overview for the client (Wabvpz art.
 * 15d): which organisations saw her data, in which role, when and what they did; no persons (see the README's
 * section Privacy).
 */
@Path("/logging")
@RolesAllowed(Role.PRIVACY_OFFICER_NAME)
public class AccessLogPage {

    private static final Logger LOG = Logger.getLogger(AccessLogPage.class);
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String FILE_NAME = "toegangslog.csv";

    /** The search as typed, the lines found (after a search), and the last refusal (slug and status; 0 if none). */
    public record Screen(AccessLogSearch search, List<Line> lines, boolean searched, String problemSlug,
                         int problemStatus) {

        public boolean hasProblem() {
            return problemStatus != 0;
        }
    }

    /** The client's overview and when it was compiled. */
    public record OverviewScreen(ClientOverview overview, Instant compiledAt) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(Screen screen);

        static native TemplateInstance overview(OverviewScreen screen);
    }

    private final AccessLogApi accessLog;
    private final Pages pages;
    private final Locales locales;
    private final AccessLogText dutch;
    private final AccessLogText english;

    AccessLogPage(@RestClient AccessLogApi accessLog, Pages pages, Locales locales, AccessLogText dutch,
                  @Localized("en") AccessLogText english) {
        this.accessLog = accessLog;
        this.pages = pages;
        this.locales = locales;
        this.dutch = dutch;
        this.english = english;
    }

    /** The empty form; or, from a referral id in the result table, every access to that referral. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam("referralId") String referralId) {
        if (referralId == null || referralId.isBlank()) {
            return page(Response.Status.OK.getStatusCode(),
                    new Screen(new AccessLogSearch(), List.of(), false, "", 0));
        }
        return search(AccessLogSearch.forReferral(referralId));
    }

    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response search(@BeanParam AccessLogSearch search) {
        return find(search, () -> lines(search), lines -> page(Response.Status.OK.getStatusCode(),
                new Screen(search, lines, true, "", 0)));
    }

    /**
     * The printable overview for the client, by BSN and/or name with birth date; a referral id does not name a
     * client, so a search with only that comes back with a message at the BSN field.
     */
    @POST
    @Path("/overzicht")
    @Produces(MediaType.TEXT_HTML)
    public Response overview(@BeanParam AccessLogSearch search) {
        if (!search.namesAClient()) {
            return refused(search, "invalid", 422);
        }
        return find(search, () -> accessLog.overview(search.bsnValue(), search.nameValue(), search.birthDateValue()),
                overview -> page(Response.Status.OK.getStatusCode(),
                        Templates.overview(new OverviewScreen(overview, Instant.now()))));
    }

    /** The same result as a file; a refused search brings the page back with its messages instead. */
    @POST
    @Path("/csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response csv(@BeanParam AccessLogSearch search) {
        return find(search, () -> lines(search), lines -> Response.ok(AccessLogCsv.write(lines, words(),
                Formats.zone()), CSV).header("Content-Disposition", "attachment; filename=\"" + FILE_NAME + "\"")
                .build());
    }

    private List<Line> lines(AccessLogSearch search) {
        return accessLog.find(search.bsnValue(), search.nameValue(), search.birthDateValue(), search.referralIdValue());
    }

    /** Asks the service ({@code call}) and answers with what it gave; a refusal brings the search page back. */
    private <T> Response find(AccessLogSearch search, Supplier<T> call, Function<T, Response> answer) {
        if (!search.readable()) {
            return refused(search, "invalid", 422);
        }
        T found;
        try {
            found = call.get();
        } catch (ServiceProblem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            if (problem.status() >= 500) {
                LOG.warnf("referral-service answered %d to an access-log search", problem.status());
                return refused(search, "unavailable", 503);
            }
            search.refusedWith(problem);
            return refused(search, problem.slug(), problem.status());
        } catch (ProcessingException e) {
            LOG.warnf("referral-service could not be reached for an access-log search: %s",
                    e.getClass().getSimpleName());
            return refused(search, "unavailable", 503);
        }
        return answer.apply(found);
    }

    private Response refused(AccessLogSearch search, String slug, int status) {
        return page(status, new Screen(search, List.of(), false, slug, status));
    }

    private Response page(int status, Screen screen) {
        return page(status, Templates.search(screen));
    }

    private Response page(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(pages.show(template)).build();
    }

    private AccessLogCsv.Words words() {
        AccessLogText text = Locales.ENGLISH.equals(locales.current()) ? english : dutch;
        return new AccessLogCsv.Words(text::col, text::event, text::outcome, text::role);
    }
}
