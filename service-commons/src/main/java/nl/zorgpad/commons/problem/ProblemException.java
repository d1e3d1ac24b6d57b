package nl.zorgpad.commons.problem;

import java.util.List;
import java.util.Map;

/**
 * A use case refusing a request, with what its RFC 9457 answer needs. Each service names its own refusals by
 * subclassing or with factory methods; {@link ProblemMappers} writes them all.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            Map<String, Object> extensions) {
        // No stack trace: a refusal is an answer, not a fault, and some are thrown on every invalid request.
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem's {@code type} URI, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}
