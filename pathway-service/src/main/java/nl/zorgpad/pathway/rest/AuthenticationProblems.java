package nl.zorgpad.pathway.rest;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A token that fails verification is refused before the request reaches the REST layer, so that 401 is written
 * here, as application/problem+json with a Bearer challenge. (A request with no token at all still gets the bare
 * 401 challenge of Quarkus.)
 */
@ApplicationScoped
public class AuthenticationProblems {

    private static final String BODY = "{\"type\":\"https://zorgpad.nl/problems/unauthorized\",\"title\":"
            + "\"Unauthorized\",\"status\":401,\"detail\":\"A valid bearer token is required\"}";

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            Throwable failure = context.failure();
            if ((failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                    && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(BODY);
            } else {
                context.next();
            }
        });
    }
}
