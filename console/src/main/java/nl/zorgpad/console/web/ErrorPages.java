package nl.zorgpad.console.web;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.client.ServiceUnavailable;
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

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s", e.getMessage());
        return pages.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable");
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service could not be reached: %s", e.getClass().getSimpleName());
        return pages.error(Response.Status.SERVICE_UNAVAILABLE, "unavailable");
    }
}
