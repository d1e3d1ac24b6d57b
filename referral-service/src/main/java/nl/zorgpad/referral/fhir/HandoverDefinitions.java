package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * The part of the R4 specification that a handover Bundle touches, for the validator to hold instead of all of it:
 * every datatype, the resource types {@link HandoverBundle} accepts, the extension of the HL7 core it reads, the other
 * resource types by name only (a reference names the types it may point to), and the value sets and code systems the
 * elements are bound to. A Bundle with any other resource type never reaches the validator: {@link HandoverBundle}
 * refuses it first.
 * <p>
 * The selection is made when the service is built ({@link #main}, run by the module's pom): HAPI's full set holds all
 * ~650 structure definitions and every value set, close to 200 MiB of heap and two seconds of CPU to read, which a
 * running service would pay at every start and keep as committed heap afterwards. The package carries the selection
 * (374 resources, 3.7 MB of JSON) and not HAPI's full set.
 */
// Public for the build's exec:java, which runs main; the service itself uses the class within its package.
public final class HandoverDefinitions {

    /** Where the build writes the selection, on the service's class path. */
    static final String RESOURCE = "fhir/handover-definitions.json";

    static final Set<String> RESOURCE_TYPES = Set.of("Resource", "DomainResource", "Bundle", "Patient", "Consent",
            "Practitioner", "Observation", "ServiceRequest", "Task");

    private HandoverDefinitions() {
    }

    /** The selection the build wrote, for the validator. */
    static IValidationSupport of(FhirContext fhir) {
        InputStream json = HandoverDefinitions.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (json == null) {
            throw new IllegalStateException(RESOURCE + " is not on the class path: build the service with Maven");
        }
        var kept = new PrePopulatedValidationSupport(fhir);
        try (Reader reader = new InputStreamReader(json, StandardCharsets.UTF_8)) {
            for (var entry : fhir.newJsonParser().parseResource(Bundle.class, reader).getEntry()) {
                Resource resource = entry.getResource();
                if (resource instanceof StructureDefinition definition) {
                    kept.addStructureDefinition(definition);
                } else if (resource instanceof ValueSet valueSet) {
                    kept.addValueSet(valueSet);
                } else if (resource instanceof CodeSystem codeSystem) {
                    kept.addCodeSystem(codeSystem);
                } else {
                    throw new IllegalStateException(RESOURCE + " holds a " + resource.fhirType());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kept;
    }

    /** Writes the selection from HAPI's full R4 set to the file {@code args[0]}; the build runs this. */
    public static void main(String[] args) throws IOException {
        FhirContext fhir = FhirContext.forR4Cached();
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            fhir.newJsonParser().encodeResourceToWriter(select(fhir), writer);
        }
    }

    /** The selection from HAPI's full R4 set, as a collection Bundle. */
    static Bundle select(FhirContext fhir) {
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
                String binding = element.getBinding().getValueSet();
                // Bindings name a version ("...|4.0.1"), the value sets' own URLs do not.
                String valueSetUrl = binding == null ? null : binding.replaceFirst("\\|.*$", "");
                if (valueSetUrl != null && kept.fetchValueSet(valueSetUrl) == null) {
                    addValueSet(all, kept, valueSetUrl);
                }
            }
        }
        var bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        kept.fetchAllConformanceResources().forEach(resource -> bundle.addEntry().setResource((Resource) resource));
        return bundle;
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
        ValueSet valueSet = (ValueSet) all.fetchValueSet(url);
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
