package nl.zorgpad.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemType;

/**
 * Security failures that happen before a request reaches the REST layer: a token that fails verification, a request
 * without a token ({@link TokenRequiredPolicy}) or an HTTP permission that denies the caller. They are written here
 * as application/problem+json; a 401 keeps its {@code WWW-Authenticate: Bearer} challenge. Failures inside the REST
 * layer (role checks of {@code @RolesAllowed}) are mapped by {@code ProblemMappers}, with the same bodies.
 */
@ApplicationScoped
public class AuthenticationProblems {

    public static final String CHALLENGE = "Bearer";
    /** The 401 body, here and for a REST-layer refusal ({@code ProblemMappers}): one answer wherever it fails. */
    public static final Problem UNAUTHORIZED_PROBLEM = Problem.of(ProblemType.UNAUTHORIZED,
            "A valid bearer token is required", null, null);
    public static final Problem FORBIDDEN_PROBLEM = Problem.of(ProblemType.FORBIDDEN,
            "Your role does not allow this operation", null, null);
    public static final String UNAUTHORIZED = UNAUTHORIZED_PROBLEM.toJson();
    public static final String FORBIDDEN = FORBIDDEN_PROBLEM.toJson();

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
        context.response().setStatusCode(status).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
