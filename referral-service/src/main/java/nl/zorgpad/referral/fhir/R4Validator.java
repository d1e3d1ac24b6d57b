package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.referral.config.ReferralConfig;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jboss.logging.Logger;

/**
 * HAPI FHIR's validator against the base R4 specification (cardinalities, value types, required bindings, the
 * resources' invariants), run on every incoming transaction Bundle once {@link HandoverBundle} has read it (whose
 * refusals name a handover's own faults more precisely than the validator could). It reads the R4 definitions a
 * handover needs ({@link HandoverDefinitions}) on first use, which takes about two seconds; that happens on a thread
 * of its own at start, so the service is ready as early as before and the first FHIR create does not pay for it.
 * HAPI builds a new instance validator for every Bundle; why that costs about 3 ms and not 13 is in
 * application.properties (the OID registry).
 * {@code zorgpad.referral.fhir.validate-incoming=false} leaves the base check to the parser and the handover rules.
 */
@ApplicationScoped
public class R4Validator {

    private static final Logger LOG = Logger.getLogger(R4Validator.class);

    /** A Bundle touching every resource type a handover holds, to load their definitions before the first one. */
    private static final String WARM_UP = """
            {"resourceType":"Bundle","type":"transaction","entry":[
             {"fullUrl":"urn:uuid:1","resource":{"resourceType":"Patient","birthDate":"2000-01-01"},
              "request":{"method":"POST","url":"Patient"}},
             {"fullUrl":"urn:uuid:2","resource":{"resourceType":"Consent","status":"active",
              "scope":{"text":"x"},"category":[{"text":"x"}],"policyRule":{"text":"x"}},
              "request":{"method":"POST","url":"Consent"}},
             {"fullUrl":"urn:uuid:3","resource":{"resourceType":"ServiceRequest","status":"active","intent":"order",
              "subject":{"reference":"urn:uuid:1"}},"request":{"method":"POST","url":"ServiceRequest"}},
             {"fullUrl":"urn:uuid:4","resource":{"resourceType":"Task","status":"requested","intent":"order"},
              "request":{"method":"POST","url":"Task"}},
             {"fullUrl":"urn:uuid:5","resource":{"resourceType":"Practitioner"},
              "request":{"method":"POST","url":"Practitioner"}},
             {"fullUrl":"urn:uuid:6","resource":{"resourceType":"Observation","status":"final","code":{"text":"x"}},
              "request":{"method":"POST","url":"Observation"}}]}""";

    private final FhirFormat format;
    private final boolean enabled;
    private final Function<FhirContext, IValidationSupport> definitions;
    private volatile FhirValidator validator;

    @Inject
    public R4Validator(FhirFormat format, ReferralConfig config) {
        this(format, config.fhir().validateIncoming(), HandoverDefinitions::of);
    }

    /** With the R4 definitions {@code definitions} gives: the tests check answers against all of them. */
    R4Validator(FhirFormat format, boolean enabled, Function<FhirContext, IValidationSupport> definitions) {
        this.format = format;
        this.enabled = enabled;
        this.definitions = definitions;
    }

    /** Built on first use (the warm-up at start): reading the definitions takes seconds. */
    private FhirValidator validator() {
        FhirValidator built = validator;
        if (built == null) {
            synchronized (this) {
                if (validator == null) {
                    FhirContext fhir = format.context();
                    var chain = new ValidationSupportChain(definitions.apply(fhir),
                            new InMemoryTerminologyServerValidationSupport(fhir),
                            new CommonCodeSystemsTerminologyService(fhir),
                            new SnapshotGeneratingValidationSupport(fhir), unknownCodeSystems(fhir));
                    validator = fhir.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
                }
                built = validator;
            }
        }
        return built;
    }

    /**
     * A code of a system the validator does not hold (Gravity's SDOH categories, our own code systems) is a
     * warning, not an error: the validator can only check codes against the systems it has, and where a required
     * binding applies the value set still refuses a code outside it.
     */
    private static UnknownCodeSystemWarningValidationSupport unknownCodeSystems(FhirContext fhir) {
        var support = new UnknownCodeSystemWarningValidationSupport(fhir);
        support.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);
        return support;
    }

    void warmUp(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        Thread warmUp = new Thread(() -> {
            long began = System.nanoTime();
            try {
                // As text, the way a request's Bundle reaches the validator (errors()), so that path is the warm one.
                validator().validateWithResult(WARM_UP);
                LOG.infof("FHIR validator ready in %d ms", (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // Only the first FHIR create is slower then; if the validator cannot work at all, that create says.
                LOG.warn("Could not warm up the FHIR validator", e);
            }
        }, "fhir-validator-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Refuses (422) a resource with errors against base R4, every error an issue at the element it is about. */
    public void check(IBaseResource resource) {
        if (!enabled) {
            return;
        }
        List<FieldError> errors = errors(resource).stream().map(R4Validator::error).toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The " + resource.fhirType() + " is not valid FHIR R4: " + errors.size()
                    + " error(s)", errors);
        }
    }

    /** What the validator finds of severity error or fatal (the tests check what the service answers with it). */
    List<SingleValidationMessage> errors(IBaseResource resource) {
        // HAPI's validator works on text: a resource read from JSON is checked on that JSON, not written anew.
        ValidationResult result = resource.getUserData(FhirFormat.SOURCE_TEXT) instanceof String json
                ? validator().validateWithResult(json) : validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
    }

    private static FieldError error(SingleValidationMessage message) {
        // HAPI writes the type into the path as a comment ("resource/*Consent/null*/.provision"): left out.
        String where = message.getLocationString() == null ? ""
                : message.getLocationString().replaceAll("/\\*.*?\\*/", "");
        return new FieldError(where, message.getMessage());
    }
}
