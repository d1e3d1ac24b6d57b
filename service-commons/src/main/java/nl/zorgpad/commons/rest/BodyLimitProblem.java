package nl.zorgpad.commons.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.zorgpad.commons.problem.Problem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} gets a 413 as
 * application/problem+json. Quarkus' own check (a route of order -2) answers with an empty 413; this route runs just
 * before it with the same limit, and like it closes the connection.
 */
@ApplicationScoped
public class BodyLimitProblem {

    static final String TOO_LARGE = Problem.ofStatus(413, "The request body is larger than this service accepts")
            .toJson();

    private final long maxBodyBytes;

    public BodyLimitProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                            MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(-3).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length)) {
                // The body is not read, so the connection cannot carry another request: close it once answered.
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONNECTION, "close")
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .endHandler(ignored -> context.request().connection().close())
                        .end(TOO_LARGE);
            } else {
                context.next();
            }
        });
    }

    private boolean isOver(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself
        }
    }
}
