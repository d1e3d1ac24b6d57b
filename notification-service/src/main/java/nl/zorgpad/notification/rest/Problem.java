package nl.zorgpad.notification.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** An RFC 9457 problem detail, with {@code errors} for field errors. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Response response(int status, String slug, String title, String detail, List<FieldError> errors) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem(URI.create("https://zorgpad.nl/problems/" + slug), title, status, detail,
                        errors == null || errors.isEmpty() ? null : errors))
                .build();
    }
}
