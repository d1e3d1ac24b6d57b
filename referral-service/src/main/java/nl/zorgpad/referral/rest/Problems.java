package nl.zorgpad.referral.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.referral.client.PathwayUnavailableException;
import nl.zorgpad.referral.domain.FieldError;
import nl.zorgpad.referral.service.ProblemException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json (RFC 9457), without stack traces or class names. */
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://zorgpad.nl/problems/";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    public static Response problem(int status, String type, String title, String detail, List<FieldError> errors,
                                   Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), e.errors(), e.extensions());
    }

    @ServerExceptionMapper
    public Response unavailable(PathwayUnavailableException e) {
        LOG.warnf("pathway-service unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return problem(503, "pathway-unavailable", "Routes cannot be resolved right now",
                "pathway-service did not answer; nothing was stored. Try again in a minute, or phone the partner "
                        + "when the need is acute.", null, Map.of("retryAfterSeconds", 30));
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unparsable(com.fasterxml.jackson.core.JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String message = e instanceof NulFreeStrings.Refused ? NulFreeStrings.MESSAGE : "has the wrong format";
        return problem(400, "unreadable", "The body is not valid JSON for this operation",
                field.isEmpty() ? "The body could not be read" : "Field " + field + " " + message,
                field.isEmpty() ? List.of() : List.of(new FieldError(field, message)), null);
    }

    @ServerExceptionMapper
    public Response stale(OptimisticLockException e) {
        return problem(412, "stale", "The referral changed in the meantime",
                "Someone else changed this referral at the same time; read it again and retry", null, null);
    }

    @ServerExceptionMapper
    public Response constraint(ConstraintViolationException e) {
        return problem(409, "conflict", "Conflicting change",
                "The change conflicts with another one made at the same time; read again and retry", null, null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return problem(401, "unauthorized", "Authentication required", "Send a valid bearer token", null, null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return problem(401, "unauthorized", "Authentication required", "Send a valid bearer token", null, null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Not allowed for your role",
                "Your role does not allow this operation", null, null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return problem(status, "server-error", "Something went wrong on our side",
                    "The request could not be completed", null, null);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return problem(status, "http-" + status, title, title, null, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return problem(500, "server-error", "Something went wrong on our side",
                "The request could not be completed; nothing was half-written", null, null);
    }
}
