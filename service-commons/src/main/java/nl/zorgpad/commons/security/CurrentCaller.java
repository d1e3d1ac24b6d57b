package nl.zorgpad.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.JsonString;
import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, for resources to hand to the use cases. Request-scoped, so a singleton
 * resource always sees the caller of the request it is serving. The user id is the token's
 * {@code preferred_username} (the subject when there is none, e.g. a service account); a blank {@code org_id}
 * counts as none. The application is the token's {@code azp} (the client it was issued to); a privacy officer's
 * organisations are the claim {@code privacy_org_ids}, a list (one text is taken as a list of one).
 */
@RequestScoped
public class CurrentCaller {

    static final String ORGANISATION_CLAIM = "org_id";
    static final String USER_NAME_CLAIM = "preferred_username";
    static final String APPLICATION_CLAIM = "azp";
    static final String PRIVACY_ORGANISATIONS_CLAIM = "privacy_org_ids";

    private final SecurityIdentity identity;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller get() {
        if (caller == null) {
            caller = of(identity);
        }
        return caller;
    }

    static Caller of(SecurityIdentity identity) {
        Principal principal = identity.getPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            String name = identity.isAnonymous() ? "anonymous" : principal.getName();
            return new Caller(name, Optional.empty(), identity.getRoles(), name);
        }
        String user = Optional.ofNullable(token.<String>getClaim(USER_NAME_CLAIM)).orElse(token.getSubject());
        Optional<String> organisation = Optional.ofNullable(token.<Object>getClaim(ORGANISATION_CLAIM))
                .map(Object::toString).map(String::strip).filter(id -> !id.isEmpty());
        Optional<String> application = Optional.ofNullable(token.<Object>getClaim(APPLICATION_CLAIM))
                .map(CurrentCaller::text).filter(id -> !id.isEmpty());
        return new Caller(user, organisation, identity.getRoles(), user, application,
                texts(token.getClaim(PRIVACY_ORGANISATIONS_CLAIM)));
    }

    private static Set<String> texts(Object claim) {
        Set<String> texts = new LinkedHashSet<>();
        if (claim instanceof Collection<?> values) {
            values.stream().map(CurrentCaller::text).filter(id -> !id.isEmpty()).forEach(texts::add);
        } else if (claim != null && !text(claim).isEmpty()) {
            texts.add(text(claim));
        }
        return texts;
    }

    private static String text(Object value) {
        return (value instanceof JsonString json ? json.getString() : value.toString()).strip();
    }
}
