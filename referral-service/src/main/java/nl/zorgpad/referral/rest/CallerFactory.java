package nl.zorgpad.referral.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import nl.zorgpad.referral.service.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Builds the {@link Caller} from the verified token: user id, organisation (org_id), realm roles. */
@RequestScoped
public class CallerFactory {

    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public CallerFactory(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
    }

    public Caller caller() {
        String user = token.getClaim("preferred_username");
        if (user == null) {
            user = token.getSubject();
        }
        String organisation = token.getClaim("org_id");
        return new Caller(user, organisation == null ? "" : organisation, identity.getRoles(), user);
    }
}
