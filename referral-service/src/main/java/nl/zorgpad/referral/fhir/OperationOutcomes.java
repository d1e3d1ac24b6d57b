package nl.zorgpad.referral.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Under {@code /fhir} every refusal is FHIR's problem document, an OperationOutcome, instead of the problem+json of
 * the REST API. The use cases refuse in one way (a problem); this filter translates the answer, so the FHIR adapter
 * cannot drift from the REST API in what it refuses, only in how it says so: one issue per field (its path as
 * {@code expression}) or one for the whole request.
 */
@Provider
public class OperationOutcomes implements ContainerResponseFilter {

    static final MediaType FHIR_JSON = MediaType.valueOf(FhirFormat.MEDIA_TYPE);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && isFhir(request.getUriInfo().getPath())) {
            response.setEntity(of(problem), response.getEntityAnnotations(), FHIR_JSON);
        }
    }

    static boolean isFhir(String path) {
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    /** The problem as an OperationOutcome: an issue per field error, or one with the problem's detail. */
    public static OperationOutcome of(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType type = issueType(problem);
        String summary = problem.title() + (problem.detail() == null ? "" : ": " + problem.detail());
        if (problem.errors().isEmpty()) {
            var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(summary);
            // A duplicate points at the open referral, as the Task a client can read.
            Object existing = problem.extensions().get("existingReferralId");
            if (existing != null) {
                issue.getDetails().setText("Task/" + existing);
            }
        }
        for (FieldError error : problem.errors()) {
            var issue = outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type)
                    .setDiagnostics(error.field().isEmpty() ? error.message() : error.field() + " " + error.message());
            if (!error.field().isEmpty()) {
                issue.addExpression(error.field());
            }
        }
        return outcome;
    }

    /**
     * The same refusal with each field named where a FHIR client sent it: the use cases name the fields of the REST
     * API, {@code where} gives their FHIRPath.
     */
    static ProblemException relocated(Problem problem, UnaryOperator<String> where) {
        List<FieldError> errors = problem.errors().stream()
                .map(e -> new FieldError(where.apply(e.field()), e.message())).toList();
        return new ProblemException(problem.status(), problem.type().toString().substring(Problem.TYPE_BASE.length()),
                problem.title(), problem.detail(), errors, problem.extensions());
    }

    private static IssueType issueType(Problem problem) {
        String slug = problem.type().toString().substring(Problem.TYPE_BASE.length());
        return switch (problem.status()) {
            case 400 -> slug.equals("unreadable") ? IssueType.STRUCTURE : IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 405, 406, 415 -> IssueType.NOTSUPPORTED;
            case 409 -> slug.equals("duplicate") ? IssueType.DUPLICATE : IssueType.CONFLICT;
            case 410 -> IssueType.DELETED;
            case 412, 428 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOLONG;
            case 422 -> IssueType.INVALID;
            case 503 -> IssueType.TRANSIENT;
            default -> problem.status() >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }
}
