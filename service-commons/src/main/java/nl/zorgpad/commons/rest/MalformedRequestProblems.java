package nl.zorgpad.commons.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.Problem;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requests too malformed for the REST layer to read, answered as application/problem+json like every other refusal
 * instead of with Quarkus' generic error body, and without an ERROR line in the log (a scanner sends thousands):
 * <ul>
 *   <li>a Content-Type header that is not a media type at all ({@code Content-Type: blah}). The REST layer parses it
 *       only for some resources, and fails there with an unexpected exception (a 500);</li>
 *   <li>any request the HTTP router itself refuses with a 4xx status before a route runs, such as an HTTP/1.1
 *       request whose Host header is missing or no valid host ({@code Host: %n%s}).</li>
 * </ul>
 * What Netty refuses before the router (a control character in a header, headers larger than 20 KiB) still gets
 * its bare 400 or 431: no hook of Quarkus reaches that far.
 */
@ApplicationScoped
public class MalformedRequestProblems {

    private static final Logger LOG = Logger.getLogger(MalformedRequestProblems.class);

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseUnreadableContentType(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE.toString());
        if (contentType == null || isMediaType(contentType)) {
            return Optional.empty();
        }
        return Optional.of(Problem.response(400, "bad-request", "Bad request",
                "The Content-Type header is not a media type", List.of(new FieldError("Content-Type",
                        "must be a media type such as application/json")), Map.of()));
    }

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(this::answerRouterRefusal);
    }

    private void answerRouterRefusal(RoutingContext context) {
        int status = context.statusCode();
        // 401 and 403 carry a challenge or come from the security layer: AuthenticationProblems answers them.
        if (context.response().headWritten() || status < 400 || status >= 500 || status == 401 || status == 403) {
            context.next();
            return;
        }
        LOG.debugf(context.failure(), "Request refused by the HTTP router with %d", status);
        String detail = context.request().authority() == null
                ? "The Host header is missing or not a valid host"
                : "The request could not be read";
        // A body that turns out too large while it is read: the same answer as one announced too large.
        String body = status == 413 ? BodyLimitProblem.TOO_LARGE : Problem.ofStatus(status, detail).toJson();
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(body);
    }

    private static boolean isMediaType(String header) {
        try {
            MediaType.valueOf(header);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
