package nl.zorgpad.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class ContractFilterTest {

    private final ContractFilter filter = new ContractFilter();

    @Test
    void rolesLeaveTheRequirementForTheDescriptionAndXRoles() {
        Operation operation = OASFactory.createOperation().description("Lists the referrals.")
                .addSecurityRequirement(OASFactory.createSecurityRequirement()
                        .addScheme("SecurityScheme", List.of("midwife", "district-team")));

        filter.filterOperation(operation);

        assertEquals(Map.of("SecurityScheme", List.of()), operation.getSecurity().get(0).getSchemes());
        assertEquals("Lists the referrals.\n\nRoles: midwife, district-team.", operation.getDescription());
        assertEquals(List.of("midwife", "district-team"), operation.getExtensions().get("x-roles"));
    }

    @Test
    void anOperationForAnyAuthenticatedCallerStaysAsItIs() {
        Operation operation = OASFactory.createOperation()
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme"));

        filter.filterOperation(operation);

        assertNull(operation.getDescription());
        assertNull(operation.getExtensions());
        assertEquals(Map.of("SecurityScheme", List.of()), operation.getSecurity().get(0).getSchemes());
    }

    @Test
    void withoutADescriptionTheRolesAreTheDescription() {
        Operation operation = OASFactory.createOperation().addSecurityRequirement(
                OASFactory.createSecurityRequirement().addScheme("SecurityScheme", "privacy-officer"));

        filter.filterOperation(operation);

        assertEquals("Roles: privacy-officer.", operation.getDescription());
    }

    @Test
    void aReferenceKeepsNoTypeOfItsOwn() {
        Schema reference = OASFactory.createSchema().ref("#/components/schemas/SuppressibleCount")
                .addType(Schema.SchemaType.OBJECT).description("Referrals created in the period");

        filter.filterSchema(reference);

        assertNull(reference.getType());
        assertEquals("#/components/schemas/SuppressibleCount", reference.getRef());
        assertEquals("Referrals created in the period", reference.getDescription());
    }

    @Test
    void aSchemaWithoutReferenceKeepsItsType() {
        Schema object = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);

        filter.filterSchema(object);

        assertEquals(List.of(Schema.SchemaType.OBJECT), object.getType());
    }

    @Test
    void anErrorAnswerListsItsStatusUsualProblemTypes() {
        Operation operation = withAnswer("404", OASFactory.createAPIResponse().description("Not yours"));

        filter.filterOperation(operation);

        assertEquals(List.of("not-found"), problemTypes(operation, "404"));
        assertNull(operation.getResponses().getAPIResponse("200").getExtensions());
    }

    @Test
    void problemTypesTheOperationNamesAreKept() {
        Operation operation = withAnswer("409", OASFactory.createAPIResponse().description("Cannot re-route")
                .addExtension(ContractFilter.PROBLEM_TYPES, "not-rejected, already-rerouted"));

        filter.filterOperation(operation);

        assertEquals(List.of("not-rejected", "already-rerouted"), problemTypes(operation, "409"));
    }

    @Test
    void anUnknownProblemTypeOrOneOfAnotherStatusFailsTheBuild() {
        assertThrows(IllegalStateException.class, () -> filter.filterOperation(withAnswer("409",
                OASFactory.createAPIResponse().addExtension(ContractFilter.PROBLEM_TYPES, "no-such-type"))));
        assertThrows(IllegalStateException.class, () -> filter.filterOperation(withAnswer("422",
                OASFactory.createAPIResponse().addExtension(ContractFilter.PROBLEM_TYPES, "duplicate"))));
        assertThrows(IllegalStateException.class, () -> filter.filterOperation(withAnswer("503",
                OASFactory.createAPIResponse().description("Unavailable"))));
    }

    private static Operation withAnswer(String status, APIResponse response) {
        return OASFactory.createOperation().operationId("test").responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK"))
                .addAPIResponse(status, response));
    }

    private static List<?> problemTypes(Operation operation, String status) {
        return (List<?>) operation.getResponses().getAPIResponse(status).getExtensions()
                .get(ContractFilter.PROBLEM_TYPES);
    }
}
