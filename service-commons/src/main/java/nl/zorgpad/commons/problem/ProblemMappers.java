package nl.zorgpad.commons.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.commons.security.AuthenticationProblems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure inside the REST layer into application/problem+json, the same way in all three services,
 * without stack traces or class names: a service's {@link ProblemException}s, unreadable or invalid bodies, security
 * refusals, Quarkus' own HTTP errors (404, 405, 415, ...) and, as a 500, anything unexpected. A service maps only
 * what means something of its own (e.g. referral-service's 412 for a stale version).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return Problem.of(ProblemType.VALIDATION, "The request has " + errors.size() + " invalid field(s)", errors,
                Map.of()).toResponse();
    }

    /** Bean Validation paths look like "create.arg1.rules[0].target"; the client wants "rules[0].target". */
    static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : "body";
    }

    // Jackson's subclasses are mapped by name: Quarkus REST has mappers of its own for some of them, which would
    // otherwise answer with a bare 400.
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unparsable(JsonParseException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        if (field.isEmpty()) {
            return Problem.response(ProblemType.UNREADABLE, "The body is not valid JSON for this operation");
        }
        String message = e instanceof NulFreeStrings.Refused ? NulFreeStrings.MESSAGE
                : "has a value of the wrong type or an unknown value";
        return Problem.of(ProblemType.UNREADABLE, "Field " + field + " " + message,
                List.of(new FieldError(field, message)), Map.of()).toResponse();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        return Response.status(401).type(Problem.MEDIA_TYPE).entity(AuthenticationProblems.UNAUTHORIZED_PROBLEM)
                .header("WWW-Authenticate", AuthenticationProblems.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Response.status(403).type(Problem.MEDIA_TYPE).entity(AuthenticationProblems.FORBIDDEN_PROBLEM)
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.response(ProblemType.SERVER_ERROR, "The request could not be handled");
        }
        String detail = status == 404 ? "No such resource" : "The request could not be handled: "
                + Problem.titleFor(status).toLowerCase();
        return Problem.ofStatus(status, detail).toResponse();
    }

    @ServerExceptionMapper
    public Response concurrent(org.hibernate.exception.ConstraintViolationException e) {
        return Problem.response(ProblemType.CONFLICT,
                "The change conflicts with another one made at the same time; read again and retry");
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (DatabaseOutage.isCauseOf(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("Unexpected failure", e);
        return Problem.response(ProblemType.SERVER_ERROR, "The request could not be handled");
    }

    /** The request's transaction rolled back when the database went away: a 503 the caller may retry. */
    static Response databaseUnavailable(Exception e) {
        LOG.warnf("Database unavailable: %s", e.toString());
        return Problem.of(ProblemType.DATABASE_UNAVAILABLE, "The database cannot be reached; nothing was stored. "
                + "Try again in a minute.", List.of(), Map.of(Problem.RETRY_AFTER_SECONDS, 30)).toResponse();
    }
}
