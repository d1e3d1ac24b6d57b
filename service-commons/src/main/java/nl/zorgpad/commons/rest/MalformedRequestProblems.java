package nl.zorgpad.commons.rest;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Requests too malformed for the REST layer to read, answered as application/problem+json like every other refusal
 * instead of with a 500 or Quarkus' generic error body, and without an ERROR line in the log (a scanner sends
 * thousands):
 * <ul>
 *   <li>a Content-Type header that is not a media type at all ({@code Content-Type: blah}). On a request with a body
 *       that is a 400 naming the header; on one without, the header means nothing and is dropped. Left alone, the
 *       REST layer parses it for resources with several media types and fails with an unexpected exception;</li>
 *   <li>any request the HTTP router itself refuses with a 4xx status before a route runs, such as an HTTP/1.1
 *       request whose Host header is missing or no valid host ({@code Host: %n%s}).</li>
 * </ul>
 * What Netty refuses before the router (a control character in a header, headers larger than 20 KiB) still gets
 * its bare 400 or 431: no hook of Quarkus reaches that far.
 */
@ApplicationScoped
public class MalformedRequestProblems {

    private static final Logger LOG = Logger.getLogger(MalformedRequestProblems.class);
    static final String UNREADABLE_CONTENT_TYPE = Problem.of(ProblemType.BAD_REQUEST,
            "The Content-Type header is not a media type",
            List.of(new FieldError("Content-Type", "must be a media type such as application/json")), null).toJson();

    void register(@Observes Router router) {
        router.route().order(-3).handler(this::checkContentType);
        router.route().order(-1).failureHandler(this::answerRouterRefusal);
    }

    private void checkContentType(RoutingContext context) {
        HttpServerRequest request = context.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || isMediaType(contentType)) {
            context.next();
        } else if (!hasBody(request)) {
            request.headers().remove(HttpHeaders.CONTENT_TYPE);
            context.next();
        } else {
            context.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(UNREADABLE_CONTENT_TYPE);
        }
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

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || length != null && !length.trim().equals("0");
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
