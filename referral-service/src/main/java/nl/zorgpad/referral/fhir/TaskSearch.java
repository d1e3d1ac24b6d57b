package nl.zorgpad.referral.fhir;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.service.ReferralQueries;
import org.hl7.fhir.r4.model.Bundle;

/**
 * {@code GET /fhir/Task}: the caller's Tasks as a searchset Bundle, newest first, through the same query as the REST
 * list, so a midwife finds her practice's referrals and a team those addressed to it, whatever the parameters say:
 * {@code owner} or {@code requester} naming another organisation narrows to nothing.
 */
@ApplicationScoped
public class TaskSearch {

    /** The search parameters as sent; checked here, so that each wrong one is named. */
    public record Parameters(String owner, String requester, String status, List<String> lastUpdated,
                             String count, String page) {
    }

    private final ReferralQueries queries;
    private final ZoneId zone;

    public TaskSearch(ReferralQueries queries, ZoneId zone) {
        this.queries = queries;
        this.zone = zone;
    }

    public Bundle search(Caller caller, Parameters parameters, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        int count = number(parameters.count(), "_count", 1, 100, errors);
        int page = number(parameters.page(), "_page", 0, Integer.MAX_VALUE, errors);
        if (parameters.status() != null && ReferralStatus.fromCode(parameters.status()).isEmpty()) {
            errors.add(new FieldError("status", "must be one Task status of "
                    + Arrays.stream(ReferralStatus.values()).map(ReferralStatus::code).toList()));
        }
        LastUpdatedRange updated = LastUpdatedRange.parse(parameters.lastUpdated(), zone, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Invalid search parameters", errors, Map.of());
        }
        var narrowing = new ReferralQueries.Narrowing(organisation(parameters.owner()),
                organisation(parameters.requester()), updated.from(), updated.before());
        var found = queries.listViews(caller, new ReferralQueries.ListFilter(parameters.status(), null, null, null,
                null, narrowing, page, count));

        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal((int) found.total());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        if ((long) (page + 1) * count < found.total()) {
            bundle.addLink().setRelation("next")
                    .setUrl(uri.getRequestUriBuilder().replaceQueryParam("_page", page + 1).build().toString());
        }
        for (var read : found.items()) {
            bundle.addEntry()
                    .setFullUrl(uri.getBaseUriBuilder().path("fhir/Task/{id}").build(read.value().id()).toString())
                    .setResource(ReferralAsFhir.task(read.value(), read.version()))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** An organisation as a reference ({@code Organization/x}) or a bare id. */
    private static String organisation(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        return reference.startsWith("Organization/") ? reference.substring("Organization/".length()) : reference;
    }

    private static int number(String value, String name, int min, int max, List<FieldError> errors) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(new FieldError(name, max == Integer.MAX_VALUE ? "must be a whole number from " + min
                : "must be a whole number from " + min + " to " + max));
        return min;
    }
}
