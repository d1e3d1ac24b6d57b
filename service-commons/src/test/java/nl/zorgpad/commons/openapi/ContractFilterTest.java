package nl.zorgpad.commons.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
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
}
