package nl.zorgpad.notification.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.notification.service.ConflictException;
import nl.zorgpad.notification.service.InvalidRequestException;
import nl.zorgpad.notification.service.RuleViolationException;
import nl.zorgpad.notification.service.NotFoundException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json, without stack traces or class names. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Problem.response(404, "not-found", "Not found", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.response(409, "conflict", "Conflict", e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e) {
        return Problem.response(422, "rule-violation", "Unprocessable request", e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }

    @ServerExceptionMapper
    public Response invalid(InvalidRequestException e) {
        return Problem.response(400, "validation", "Invalid request", e.getMessage(),
                e.errors().stream().map(f -> new Problem.FieldError(f.field(), f.message())).toList());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problem.response(400, "validation", "Invalid request", "The request has invalid fields", errors);
    }

    /** Mapped by name: Quarkus REST's own mapper for this subclass would otherwise answer with a bare 400. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof NulFreeStrings.Refused refused) {
            return Problem.response(400, "unreadable", "Unreadable request", "Field " + refused.field() + " "
                    + NulFreeStrings.MESSAGE, List.of(new Problem.FieldError(refused.field(), NulFreeStrings.MESSAGE)));
        }
        return Problem.response(400, "unreadable", "Unreadable request", "The body is not valid JSON for this "
                + "operation", null);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problem.response(401, "unauthorized", "Unauthorized", "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problem.response(401, "unauthorized", "Unauthorized", "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.response(403, "forbidden", "Forbidden", "Your role does not allow this operation", null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = status == 404 ? "No such resource" : status >= 500 ? "The request could not be handled"
                : "The request could not be handled: " + title.toLowerCase();
        return Problem.response(status, title.toLowerCase().replace(' ', '-'), title, detail, null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected error", e);
        return Problem.response(500, "internal", "Internal error", "The request could not be handled", null);
    }

    private static String field(ConstraintViolation<?> violation) {
        String[] nodes = violation.getPropertyPath().toString().split("\\.");
        List<String> rest = Arrays.asList(nodes).subList(Math.min(1, nodes.length), nodes.length);
        if (rest.size() > 1) {
            rest = rest.subList(1, rest.size());
        }
        return String.join(".", rest);
    }
}
