package nl.zorgpad.commons.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes the generated OpenAPI document say two things the way client generators and linters read them.
 * <p>
 * Roles: which roles may call an operation. Quarkus writes the
 * {@code @RolesAllowed} roles as scopes of the bearer-token requirement; OpenAPI only defines scopes for OAuth2
 * flows, and our roles are Keycloak realm roles, not scopes a client can request. So the requirement keeps the
 * scheme with no scopes, and the roles move to the description ("Roles: midwife, district-team.") and to
 * {@code x-roles}.
 * <p>
 * References: a property whose schema is a {@code $ref} (e.g. to a schema of the service's META-INF/openapi.yaml
 * for a value a Java type cannot describe, such as "a number or the text &lt;5") keeps no {@code type} of its own:
 * SmallRye adds the Java field's type beside the reference, which would contradict it.
 * <p>
 * Each service names this filter as {@code mp.openapi.filter}.
 */
public class ContractFilter implements OASFilter {

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

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        return schema;
    }
}
