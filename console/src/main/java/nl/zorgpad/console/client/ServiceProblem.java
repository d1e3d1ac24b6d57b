package nl.zorgpad.console.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service refused the request with an RFC 9457 problem (or at least a 4xx/5xx status). The pages turn it into a
 * Dutch message by its type's slug (e.g. {@code duplicate}, {@code illegal-transition}) and show each field error
 * next to its field.
 */
public class ServiceProblem extends RuntimeException {

    private static final String TYPE_BASE = "https://zorgpad.nl/problems/";

    private final int status;
    private final String slug;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ServiceProblem(int status, String type, String detail, List<FieldError> errors,
                          Map<String, Object> extensions) {
        super(status + " " + type);
        this.status = status;
        this.slug = type == null ? "" : type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
        this.detail = detail == null ? "" : detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, {@code duplicate} for {@code https://zorgpad.nl/problems/duplicate}. */
    public String slug() {
        return slug;
    }

    /** The service's own (English) explanation; shown only beside the Dutch message, never instead of it. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Optional<String> extension(String name) {
        Object value = extensions.get(name);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** One field the service found at fault, by its JSON path (e.g. {@code client.birthDate}). */
    public record FieldError(String field, String message) {
    }
}
