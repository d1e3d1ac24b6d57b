package nl.zorgpad.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security failures that happen before a request reaches the REST layer: a token that fails verification, a request
 * without a token ({@link TokenRequiredPolicy}) or an HTTP permission that denies the caller. They are written here
 * as application/problem+json; a 401 keeps its {@code WWW-Authenticate: Bearer} challenge. Failures inside the REST
 * layer (role checks of {@code @RolesAllowed}) are mapped by each service's problem mappers.
 */
@ApplicationScoped
public class AuthenticationProblems {

    public static final String CHALLENGE = "Bearer";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String UNAUTHORIZED = "{\"type\":\"https://zorgpad.nl/problems/unauthorized\",\"title\":"
            + "\"Unauthorized\",\"status\":401,\"detail\":\"A valid bearer token is required\"}";
    static final String FORBIDDEN = "{\"type\":\"https://zorgpad.nl/problems/forbidden\",\"title\":"
            + "\"Forbidden\",\"status\":403,\"detail\":\"Your role does not allow this operation\"}";

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(context -> {
            Throwable failure = context.failure();
            if (context.response().headWritten()) {
                context.next();
            } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                context.response().putHeader("WWW-Authenticate", CHALLENGE);
                end(context, 401, UNAUTHORIZED);
            } else if (failure instanceof ForbiddenException) {
                end(context, 403, FORBIDDEN);
            } else {
                context.next();
            }
        });
    }

    private static void end(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status).putHeader("Content-Type", PROBLEM_JSON).end(body);
    }
}
