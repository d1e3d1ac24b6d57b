package nl.zorgpad.commons.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail, the body of every error answer of the three services: {@code type} is
 * {@code https://zorgpad.nl/problems/<slug>}, {@code errors} lists the fields that failed, and extension members
 * (e.g. {@code currentETag}) are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "The problem type: https://zorgpad.nl/problems/ and a slug of the product's table",
                examples = "https://zorgpad.nl/problems/validation", required = true)
        URI type,
        @Schema(description = "The problem type's title, the same in every answer of that type",
                examples = "The request is not valid", required = true)
        String title,
        @Schema(description = "The HTTP status of the answer", examples = "422", required = true)
        int status,
        @Schema(description = "What went wrong in this case, in words", examples = "The request has 1 invalid field(s)")
        String detail,
        @Schema(description = "The fields that failed, for a validation problem; left out when there are none")
        List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://zorgpad.nl/problems/";
    /** Extension member of a 503: after how many seconds to try again; also sent as the Retry-After header. */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";
    private static final ObjectMapper WRITER = new ObjectMapper();

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** The extension members, written as members of the problem object itself. */
    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    /**
     * The problem as JSON text, for the answers written before the REST layer (straight on the Vert.x response,
     * where no Jackson provider runs).
     */
    public static String json(int status, String slug, String title, String detail) {
        return of(status, slug, title, detail, null, null).toJson();
    }

    /** A problem of type {@code https://zorgpad.nl/problems/<slug>}. */
    public static Problem of(int status, String slug, String title, String detail, List<FieldError> errors,
                             Map<String, Object> extensions) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, errors, extensions);
    }

    /**
     * A refusal made by the framework rather than by a service, named after its status alone and titled in the same
     * sentence case as the services' own problems: 405 is "Method not allowed" with type
     * {@code .../method-not-allowed}, 413 is "Payload too large".
     */
    public static Problem ofStatus(int status, String detail) {
        String title = titleFor(status);
        String slug = Response.Status.fromStatusCode(status) == null ? "http-" + status
                : title.toLowerCase().replace(' ', '-');
        return of(status, slug, title, detail, null, null);
    }

    /** The title {@link #ofStatus} gives a status: its reason phrase in sentence case. */
    public static String titleFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return status == 413 ? "Payload too large"
                : known == null ? "Request refused"
                : known.getReasonPhrase().charAt(0) + known.getReasonPhrase().substring(1).toLowerCase();
    }

    public String toJson() {
        try {
            return WRITER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem cannot be written as JSON", e);
        }
    }

    /** A problem of one of the product's {@link ProblemType}s. */
    public static Problem of(ProblemType type, String detail, List<FieldError> errors, Map<String, Object> extensions) {
        return of(type.status(), type.slug(), type.title(), detail, errors, extensions);
    }

    public static Response response(ProblemType type, String detail) {
        return of(type, detail, List.of(), Map.of()).toResponse();
    }

    public static Response response(int status, String slug, String title, String detail) {
        return response(status, slug, title, detail, List.of(), Map.of());
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors,
                                    Map<String, Object> extensions) {
        return of(status, slug, title, detail, errors, extensions).toResponse();
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        if (extensions.get(RETRY_AFTER_SECONDS) instanceof Number seconds) {
            response.header("Retry-After", seconds.intValue());
        }
        return response.build();
    }
}
