package nl.zorgpad.console.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.console.client.ServiceProblem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when a service refuses or fails and the screen did not handle it itself (forms do, keeping the
 * input). A 404 or 403 from a service is "niet gevonden": another organisation's referral looks like none at all.
 * Nothing of the request is logged, since URLs and bodies may hold client data.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Pages pages;

    ErrorPages(Pages pages) {
        this.pages = pages;
    }

    @ServerExceptionMapper
    public Response problem(ServiceProblem problem) {
        if (problem.status() == 404 || problem.status() == 403) {
            return pages.error(Response.Status.NOT_FOUND, "not-found");
        }
        if (problem.status() >= 500) {
            LOG.warnf("A service answered %d (%s)", problem.status(), problem.slug());
            return pages.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable");
        }
        return pages.error(Response.Status.BAD_REQUEST, "problem-" + problem.slug());
    }

    /** A screen of another role (a midwife opening /werkbak): say so, in Dutch, instead of an empty 403. */
    @ServerExceptionMapper
    public Response otherRole(io.quarkus.security.ForbiddenException e) {
        return pages.error(Response.Status.FORBIDDEN, "forbidden");
    }

    /** An address the console does not have. */
    @ServerExceptionMapper
    public Response noSuchPage(jakarta.ws.rs.NotFoundException e) {
        return pages.error(Response.Status.NOT_FOUND, "not-found");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service could not be reached: %s", e.getClass().getSimpleName());
        return pages.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable");
    }
}
