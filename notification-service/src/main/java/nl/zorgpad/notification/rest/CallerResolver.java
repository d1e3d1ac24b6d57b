package nl.zorgpad.notification.rest;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import nl.zorgpad.notification.service.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Reads the caller's organisation ({@code org_id}) and admin role from the verified token. */
@RequestScoped
public class CallerResolver {

    public static final String VSV_ADMIN = "vsv-admin";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public CallerResolver(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public Caller caller() {
        Object organisation = token.getClaim("org_id");
        if (organisation == null || organisation.toString().isBlank()) {
            throw new ForbiddenException("The token carries no organisation");
        }
        return new Caller(organisation.toString(), identity.hasRole(VSV_ADMIN));
    }
}
