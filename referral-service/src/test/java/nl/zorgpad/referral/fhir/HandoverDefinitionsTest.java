package nl.zorgpad.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;

/** The selection of R4 the build puts on the class path, as the validator reads it. */
class HandoverDefinitionsTest {

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Test
    void theClassPathHoldsWhatTheBuildSelectsFromHapisFullSet() {
        var loaded = HandoverDefinitions.of(FHIR).fetchAllConformanceResources();
        var selected = HandoverDefinitions.select(FHIR).getEntry().stream().map(e -> (IBaseResource) e.getResource())
                .toList();
        assertEquals(urls(selected), urls(loaded));
    }

    @Test
    void aHandoversTypesComeWithTheirElementsAndBindingsOtherTypesByNameOnly() {
        var definitions = HandoverDefinitions.of(FHIR);
        var task = (StructureDefinition) definitions.fetchStructureDefinition(
                "http://hl7.org/fhir/StructureDefinition/Task");
        assertNotNull(definitions.fetchValueSet("http://hl7.org/fhir/ValueSet/task-status"));
        var group = (StructureDefinition) definitions.fetchStructureDefinition(
                "http://hl7.org/fhir/StructureDefinition/Group");
        assertEquals(1, group.getSnapshot().getElement().size(), "Group is known by name only");
        assertTrue(task.getSnapshot().getElement().size() > 40, "Task has all its elements");
        // A profile on a resource type (vital signs on Observation) is no part of a handover.
        assertNull(definitions.fetchStructureDefinition("http://hl7.org/fhir/StructureDefinition/vitalsigns"));
    }

    private static Set<String> urls(List<? extends IBaseResource> resources) {
        return resources.stream().map(r -> r.fhirType() + " " + ((MetadataResource) r).getUrl())
                .collect(Collectors.toSet());
    }
}
