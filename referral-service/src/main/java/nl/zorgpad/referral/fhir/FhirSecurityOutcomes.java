package nl.zorgpad.referral.fhir;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import nl.zorgpad.commons.security.AuthenticationProblems;

/**
 * Security failures under {@code /fhir} that happen before the REST layer (no token, a token that fails
 * verification), answered as an OperationOutcome like every other FHIR refusal; elsewhere commons'
 * {@link AuthenticationProblems} answers them as problem+json. Runs before that handler.
 */
@ApplicationScoped
public class FhirSecurityOutcomes {

    private final String unauthorized;
    private final String forbidden;

    public FhirSecurityOutcomes(FhirFormat fhir) {
        unauthorized = fhir.write(OperationOutcomes.of(AuthenticationProblems.UNAUTHORIZED_PROBLEM));
        forbidden = fhir.write(OperationOutcomes.of(AuthenticationProblems.FORBIDDEN_PROBLEM));
    }

    void register(@Observes Router router) {
        router.routeWithRegex("/fhir(/.*)?").order(-2).failureHandler(context -> {
            Throwable failure = context.failure();
            if (context.response().headWritten()) {
                context.next();
            } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                context.response().putHeader("WWW-Authenticate", AuthenticationProblems.CHALLENGE);
                end(context, 401, unauthorized);
            } else if (failure instanceof ForbiddenException) {
                end(context, 403, forbidden);
            } else {
                context.next();
            }
        });
    }

    private static void end(RoutingContext context, int status, String body) {
        context.response().setStatusCode(status).putHeader("Content-Type", FhirFormat.MEDIA_TYPE).end(body);
    }
}
