package nl.zorgpad.console.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns every error answer of a service into a {@link ServiceProblem}, reading its problem+json body. */
public class ProblemResponses implements ResponseExceptionMapper<ServiceProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STANDARD = Set.of("type", "title", "status", "detail", "instance", "errors");

    @Override
    public ServiceProblem toThrowable(Response response) {
        JsonNode body = readBody(response);
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(
                new ServiceProblem.FieldError(e.path("field").asText(""), e.path("message").asText(""))));
        Map<String, Object> extensions = new LinkedHashMap<>();
        body.fields().forEachRemaining(member -> {
            if (!STANDARD.contains(member.getKey()) && member.getValue().isValueNode()) {
                extensions.put(member.getKey(), member.getValue().asText());
            }
        });
        return new ServiceProblem(response.getStatus(), body.path("type").asText(""), body.path("detail").asText(""),
                errors, extensions);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    private static JsonNode readBody(Response response) {
        try {
            if (response.hasEntity()) {
                response.bufferEntity();
                try (InputStream in = response.readEntity(InputStream.class)) {
                    return JSON.readTree(in);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not JSON (a proxy's error page): the status alone still says enough.
        }
        return JSON.createObjectNode();
    }
}
