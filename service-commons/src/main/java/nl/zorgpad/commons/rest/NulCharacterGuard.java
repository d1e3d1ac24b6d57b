package nl.zorgpad.commons.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the NUL character (U+0000), which PostgreSQL cannot store, out of every request: in bodies through the
 * JSON mapper (each service's problem mappers name the field), in path and query parameters (where it arrives as
 * {@code %00}) before any resource runs.
 */
@Singleton
public class NulCharacterGuard implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(NulFreeStrings.module());
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuseEncodedNul(ContainerRequestContext request) {
        if (!NulFreeStrings.inUri(request.getUriInfo().getRequestUri())) {
            return Optional.empty();
        }
        return Optional.of(Problem.of(ProblemType.BAD_REQUEST, "A path or query parameter contains %00",
                List.of(new FieldError("uri", NulFreeStrings.MESSAGE)), Map.of()).toResponse());
    }
}
