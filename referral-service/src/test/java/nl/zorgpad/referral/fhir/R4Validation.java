package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** The service's own base-R4 validator with all R4 definitions, on what /fhir answers: it must hold no error. */
final class R4Validation {

    private static final R4Validator VALIDATOR = new R4Validator(new FhirFormat(), true,
            DefaultProfileValidationSupport::new);

    private R4Validation() {
    }

    /** The errors (and fatal errors) the validator finds, each as "location: message". */
    static List<String> errors(IBaseResource resource) {
        return VALIDATOR.errors(resource).stream().map(R4Validation::text).toList();
    }

    /** The same for a resource as the service wrote it. */
    static List<String> errors(String json) {
        return errors(HandoverBundles.FHIR.newJsonParser().parseResource(json));
    }

    private static String text(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }
}
