package nl.zorgpad.pathway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import nl.zorgpad.pathway.service.ProblemException.FieldError;

/** An RFC 9457 problem detail, with the fields that failed validation. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    public static Response response(int status, String title, String detail, List<FieldError> errors) {
        URI type = URI.create("https://zorgpad.nl/problems/" + title.toLowerCase().replace(' ', '-'));
        return Response.status(status).type(PROBLEM_JSON)
                .entity(new Problem(type, title, status, detail, errors)).build();
    }
}
