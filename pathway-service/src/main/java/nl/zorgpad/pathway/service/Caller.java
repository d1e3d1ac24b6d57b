package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: the subject and the organisation (org_id claim) from the access token. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    @Inject
    public Caller(JsonWebToken token) {
        this.token = token;
    }

    public Optional<String> orgId() {
        return Optional.ofNullable(token.<Object>getClaim("org_id")).map(Object::toString);
    }

    public String name() {
        String user = token.getClaim("preferred_username");
        return user != null ? user : token.getSubject();
    }

    /**
     * Fails with 404 unless the caller's organisation is this region: foreign regions do not exist for them.
     */
    public void requireOwnRegion(String regionId) {
        if (regionId == null || !orgId().map(regionId::equals).orElse(false)) {
            throw ProblemException.notFound("No region " + regionId);
        }
    }
}
