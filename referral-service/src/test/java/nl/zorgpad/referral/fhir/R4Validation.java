package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** HAPI's validator against the base R4 specification: what /fhir answers must hold no error. */
final class R4Validation {

    private static final FhirValidator VALIDATOR = validator();

    private R4Validation() {
    }

    private static FhirValidator validator() {
        var fhir = HandoverBundles.FHIR;
        var chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        return fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    /** The errors (and fatal errors) the validator finds, each as "location: message". */
    static List<String> errors(IBaseResource resource) {
        return VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(R4Validation::text).toList();
    }

    /** The same for a resource as the service wrote it. */
    static List<String> errors(String json) {
        return errors(HandoverBundles.FHIR.newJsonParser().parseResource(json));
    }

    private static String text(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
