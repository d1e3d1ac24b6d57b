package nl.zorgpad.commons.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Says which roles may call an operation in words a client generator and a linter accept. Quarkus writes the
 * {@code @RolesAllowed} roles as scopes of the bearer-token requirement; OpenAPI only defines scopes for OAuth2
 * flows, and our roles are Keycloak realm roles, not scopes a client can request. So the requirement keeps the
 * scheme with no scopes, and the roles move to the description ("Roles: midwife, district-team.") and to
 * {@code x-roles}. Each service names this filter as {@code mp.openapi.filter}.
 */
public class RolesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return operation;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (SecurityRequirement requirement : requirements) {
            Map<String, List<String>> schemes = requirement.getSchemes();
            if (schemes == null) {
                continue;
            }
            for (String scheme : List.copyOf(schemes.keySet())) {
                List<String> scopes = schemes.get(scheme);
                if (scopes != null) {
                    roles.addAll(scopes);
                }
                requirement.addScheme(scheme, new ArrayList<>());
            }
        }
        if (!roles.isEmpty()) {
            String sentence = "Roles: " + String.join(", ", roles) + ".";
            String description = operation.getDescription();
            operation.setDescription(description == null || description.isBlank() ? sentence
                    : description.strip() + "\n\n" + sentence);
            operation.addExtension("x-roles", List.copyOf(roles));
        }
        return operation;
    }
}
