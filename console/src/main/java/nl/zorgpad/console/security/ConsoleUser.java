package nl.zorgpad.console.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is logged in, for the pages: name, organisation and role, read from the Keycloak tokens. The console decides
 * nothing with it that the services do not decide again; it only chooses which screens to offer.
 */
@RequestScoped
@Named("user")
public class ConsoleUser {

    private final SecurityIdentity identity;

    ConsoleUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isLoggedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        return claim("name").or(() -> claim("preferred_username")).orElse("");
    }

    public String getUsername() {
        return claim("preferred_username").orElse("");
    }

    /** The organisation the user works for: practice, partner, region or privacy office. */
    public String getOrganisation() {
        return claim("org_id").orElse("");
    }

    /** The Keycloak session, which the CSRF token is bound to. */
    public String getSessionId() {
        return claim("sid").orElseGet(() -> claim("sub").orElse("") + ":" + claim("iat").orElse(""));
    }

    public boolean has(Role role) {
        return identity.hasRole(role.realmRole());
    }

    public boolean isMidwife() {
        return has(Role.MIDWIFE);
    }

    public boolean isDistrictTeam() {
        return has(Role.DISTRICT_TEAM);
    }

    public boolean isVsvAdmin() {
        return has(Role.VSV_ADMIN);
    }

    public boolean isPrivacyOfficer() {
        return has(Role.PRIVACY_OFFICER);
    }

    private Optional<String> claim(String name) {
        // In the code flow the principal is the ID token.
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken idToken)) {
            return Optional.empty();
        }
        Object value = idToken.getClaim(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
