package nl.zorgpad.referral.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * FHIR R4 as JSON: one {@link FhirContext} for the service (building it scans every resource type, so it is made
 * once, at start), and a new parser per use, since HAPI's parsers are not thread-safe.
 */
@ApplicationScoped
@Startup
public class FhirFormat {

    public static final String MEDIA_TYPE = "application/fhir+json";

    /** HAPI user data of a resource {@link #read} made: the JSON it was read from, for the validator. */
    static final String SOURCE_TEXT = "zorgpad.fhir.source-text";

    private final FhirContext context = FhirContext.forR4Cached();

    public FhirFormat() {
        // Warm up: the first parse loads the model classes, which would otherwise slow the first request.
        context.newJsonParser().parseResource("{\"resourceType\":\"Patient\"}");
    }

    public FhirContext context() {
        return context;
    }

    public String write(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    /**
     * Reads a resource of the given type. Unknown elements and invalid values are refused (strict), so a client
     * learns of a misspelt element instead of having it silently ignored; the answer is a 400 naming the problem.
     * The resource keeps the text (user data {@link #SOURCE_TEXT}), so the validator checks what the client sent
     * without writing it again.
     */
    public <T extends IBaseResource> T read(Class<T> type, String json) {
        IParser parser = context.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
        try {
            T resource = parser.parseResource(type, json);
            resource.setUserData(SOURCE_TEXT, json);
            return resource;
        } catch (DataFormatException | ClassCastException e) {
            throw new ProblemException(ProblemType.UNREADABLE, "The body is not a FHIR R4 " + type.getSimpleName()
                    + " in JSON: " + readable(e), List.of(new FieldError(type.getSimpleName(), readable(e))), Map.of());
        }
    }

    /** HAPI's message without its internal prefix ("HAPI-1234: "). */
    private static String readable(RuntimeException e) {
        String message = e.getMessage() == null ? "not a FHIR resource" : e.getMessage();
        return message.replaceFirst("^HAPI-\\d+: ", "");
    }
}
