package nl.zorgpad.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The HTTP permission of {@code /api/*} in each service ({@code quarkus.http.auth.permission.api.policy}): only an
 * authenticated caller passes. Quarkus' built-in {@code authenticated} policy answers an anonymous request with a
 * bare 401 challenge and no body; this policy fails it with an {@link AuthenticationFailedException} instead, so
 * {@link AuthenticationProblems} writes the 401 as application/problem+json, with the same Bearer challenge as a
 * rejected token.
 */
@ApplicationScoped
public class TokenRequiredPolicy implements HttpSecurityPolicy {

    public static final String NAME = "token-required";

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext context) {
        return identity.onItem().transformToUni(caller -> caller.isAnonymous()
                ? Uni.createFrom().failure(new AuthenticationFailedException("A bearer token is required"))
                : CheckResult.permit());
    }

    @Override
    public String name() {
        return NAME;
    }
}
