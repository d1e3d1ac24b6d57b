package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The part of the R4 specification that a handover Bundle touches, for the validator to hold instead of all of it:
 * every datatype, the resource types {@link HandoverBundle} accepts, the extension of the HL7 core it reads, the other
 * resource types by name only (a reference names the types it may point to), and the value sets and code systems the
 * elements are bound to. HAPI's own set holds all ~650 structure definitions and every value set, close to 200 MiB
 * of heap once loaded; it is read once here and then flushed, which leaves about 70 MiB.
 * A Bundle with any other resource type never reaches the validator: {@link HandoverBundle} refuses it first.
 */
final class HandoverDefinitions {

    static final Set<String> RESOURCE_TYPES = Set.of("Resource", "DomainResource", "Bundle", "Patient", "Consent",
            "Practitioner", "Observation", "ServiceRequest", "Task");

    private HandoverDefinitions() {
    }

    static IValidationSupport of(FhirContext fhir) {
        var all = new DefaultProfileValidationSupport(fhir);
        var kept = new PrePopulatedValidationSupport(fhir);
        for (IBaseResource resource : all.fetchAllStructureDefinitions()) {
            StructureDefinition definition = (StructureDefinition) resource;
            if (!needed(definition)) {
                continue;
            }
            if (definition.getKind() == StructureDefinitionKind.RESOURCE
                    && !RESOURCE_TYPES.contains(definition.getType())) {
                kept.addStructureDefinition(nameOnly(definition));
                continue;
            }
            kept.addStructureDefinition(definition);
            for (ElementDefinition element : definition.getSnapshot().getElement()) {
                String valueSetUrl = element.getBinding().getValueSet();
                if (valueSetUrl != null && kept.fetchValueSet(valueSetUrl) == null) {
                    addValueSet(all, kept, valueSetUrl);
                }
            }
        }
        // HAPI keeps what it read in a static map per FHIR version until told otherwise.
        all.flush();
        return kept;
    }

    /**
     * A resource type a handover only refers to (a reference's allowed targets, such as Group or Device): the
     * validator needs to know the type exists, not its elements, which never occur in a handover.
     */
    private static StructureDefinition nameOnly(StructureDefinition definition) {
        StructureDefinition type = new StructureDefinition();
        type.setUrl(definition.getUrl()).setVersion(definition.getVersion()).setName(definition.getName())
                .setStatus(definition.getStatus()).setFhirVersion(definition.getFhirVersion())
                .setKind(definition.getKind()).setAbstract(definition.getAbstract()).setType(definition.getType())
                .setBaseDefinition(definition.getBaseDefinition()).setDerivation(definition.getDerivation());
        type.getSnapshot().addElement(definition.getSnapshot().getElementFirstRep().copy());
        return type;
    }

    private static boolean needed(StructureDefinition definition) {
        if (definition.getKind() == StructureDefinitionKind.RESOURCE) {
            // Every base resource type (references name their target types), none of the profiles on them.
            return definition.getDerivation() != StructureDefinition.TypeDerivationRule.CONSTRAINT;
        }
        // Datatypes and their profiles (SimpleQuantity, ...); of the many extensions only the one a Patient carries.
        return !"Extension".equals(definition.getType())
                || definition.getDerivation() == StructureDefinition.TypeDerivationRule.SPECIALIZATION
                || PatientExtensions.INTERPRETER_REQUIRED.equals(definition.getUrl());
    }

    private static void addValueSet(IValidationSupport all, PrePopulatedValidationSupport kept, String url) {
        ValueSet valueSet = (ValueSet) all.fetchValueSet(url.replaceFirst("\\|.*$", ""));
        if (valueSet == null) {
            return;
        }
        kept.addValueSet(valueSet);
        for (var include : valueSet.getCompose().getInclude()) {
            if (include.hasSystem() && kept.fetchCodeSystem(include.getSystem()) == null) {
                IBaseResource codeSystem = all.fetchCodeSystem(include.getSystem());
                if (codeSystem != null) {
                    kept.addCodeSystem(codeSystem);
                }
            }
        }
    }
}
