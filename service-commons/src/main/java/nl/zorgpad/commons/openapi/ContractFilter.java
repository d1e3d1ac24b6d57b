package nl.zorgpad.commons.openapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.commons.problem.ProblemType;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Makes the generated OpenAPI document say three things the way client generators and linters read them.
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
 * Problem types: every error answer lists the problem types ({@link ProblemType} slugs) it can carry in
 * {@code x-problem-types}. An operation names them on its {@code @APIResponse} with
 * {@code @Extension(name = "x-problem-types", value = "duplicate")} (several separated by commas) where its status
 * has more than one meaning (409, 422, 503); otherwise the status' usual type is listed ({@link #USUAL}). A slug
 * that is not in the table, or whose status differs from the answer's, fails the build that writes the document.
 * <p>
 * Each service names this filter as {@code mp.openapi.filter}.
 */
public class ContractFilter implements OASFilter {

    public static final String PROBLEM_TYPES = "x-problem-types";

    /** The problem types an error status carries unless the operation names its own. */
    static final Map<String, List<ProblemType>> USUAL = Map.of(
            "400", List.of(ProblemType.UNREADABLE, ProblemType.BAD_REQUEST),
            "401", List.of(ProblemType.UNAUTHORIZED),
            "403", List.of(ProblemType.FORBIDDEN),
            "404", List.of(ProblemType.NOT_FOUND),
            "409", List.of(ProblemType.CONFLICT),
            "412", List.of(ProblemType.STALE),
            "422", List.of(ProblemType.VALIDATION),
            "428", List.of(ProblemType.PRECONDITION_REQUIRED),
            "500", List.of(ProblemType.SERVER_ERROR));

    @Override
    public Operation filterOperation(Operation operation) {
        listProblemTypes(operation);
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

    private static void listProblemTypes(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return;
        }
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (!status.matches("[45][0-9][0-9]")) {
                return;
            }
            Object named = response.getExtensions() == null ? null : response.getExtensions().get(PROBLEM_TYPES);
            List<String> slugs;
            if (named == null) {
                List<ProblemType> usual = USUAL.get(status);
                if (usual == null) {
                    throw new IllegalStateException(operation.getOperationId() + " answers " + status
                            + " without naming its problem types (@Extension(name = \"" + PROBLEM_TYPES + "\"))");
                }
                slugs = usual.stream().map(ProblemType::slug).toList();
            } else {
                slugs = named instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : Arrays.stream(String.valueOf(named).split(",")).map(String::strip).toList();
                for (String slug : slugs) {
                    ProblemType type = Arrays.stream(ProblemType.values()).filter(t -> t.slug().equals(slug))
                            .findFirst().orElseThrow(() -> new IllegalStateException(operation.getOperationId()
                                    + ": no problem type " + slug));
                    if (!String.valueOf(type.status()).equals(status)) {
                        throw new IllegalStateException(operation.getOperationId() + ": problem type " + slug
                                + " is answered with " + type.status() + ", not " + status);
                    }
                }
            }
            response.addExtension(PROBLEM_TYPES, slugs);
        });
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getRef() != null && schema.getType() != null) {
            schema.setType(null);
        }
        return schema;
    }
}
