package nl.zorgpad.pathway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.commons.security.AuthenticationProblems;
import nl.zorgpad.pathway.service.ProblemException;
import nl.zorgpad.pathway.service.ProblemException.FieldError;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into application/problem+json, without stack traces or class names. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problem.response(e.status(), e.title(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field)).toList();
        return Problem.response(400, "Bad request", "The request has " + errors.size() + " invalid field(s)",
                errors);
    }

    /** Bean Validation paths look like "create.arg1.rules[0].target"; the client wants "rules[0].target". */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : "body";
    }

    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response invalidFormat(com.fasterxml.jackson.databind.exc.InvalidFormatException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = "body";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        String message = e instanceof NulFreeStrings.Refused ? NulFreeStrings.MESSAGE
                : e instanceof JsonMappingException ? "has a value of the wrong type or an unknown value"
                : "is not valid JSON";
        return Problem.response(400, "Bad request", "The request body cannot be read: " + field + " " + message,
                List.of(new FieldError(field, message)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "Forbidden", "Your role does not allow this operation", List.of());
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e) {
        Response problem = Problem.response(401, "Unauthorized", "A valid bearer token is required", List.of());
        return Response.fromResponse(problem).header("WWW-Authenticate", AuthenticationProblems.CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.response(status, "Server error", "The request could not be handled", List.of());
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        return Problem.response(status, type.getReasonPhrase() == null ? "Error" : type.getReasonPhrase(),
                type.getReasonPhrase(), List.of());
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e) {
        return Problem.response(409, "Conflict", "The change conflicts with a concurrent change; retry",
                List.of());
    }

    @ServerExceptionMapper
    public Response optimistic(jakarta.persistence.OptimisticLockException e) {
        return Problem.response(409, "Conflict", "The object changed concurrently; read it again and retry",
                List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return Problem.response(500, "Server error", "The request could not be handled", List.of());
    }
}
