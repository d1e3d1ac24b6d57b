package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.Bsn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Who saw my data": the privacy officer's view of the access log, by client or by referral. The search is itself an
 * access (it shows which organisations handled a client's referrals): it records one {@value #SEARCH} access per
 * referral it found, in the same transaction, after reading its answer. So the answer holds earlier searches but not
 * this one; a search that finds nothing records nothing, as there is no client to attribute it to.
 */
@ApplicationScoped
public class AccessLogQuery {

    /** The event of a privacy officer's search that found a referral. */
    public static final String SEARCH = "access-log-search";

    static final String EVENTS = "What was done: create, read, read-history, list, export, status-change, reroute, "
            + "consent-withdrawal, or access-log-search (a privacy officer's search of this log that found the "
            + "referral)";

    /** One access as shown to the privacy officer. */
    public record Line(
                       @Schema(description = "When", examples = "2026-11-24T10:00:00Z", required = true)
                       Instant at,
                       @Schema(description = EVENTS, examples = "read", required = true)
                       String event,
                       @Schema(description = "The referral looked at",
                               examples = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
                               required = true)
                       UUID referralId,
                       @Schema(description = "Who (user name in the token)", examples = "daan", required = true)
                       String userId,
                       @Schema(description = "On behalf of which organisation",
                               examples = "partner-wijkteam-smallingerland",
                               required = true)
                       String organisationId,
                       @Schema(description = "The user the action was done for (the same as userId unless a system "
                               + "acted)", examples = "daan", required = true)
                       String onBehalfOf,
                       @Schema(description = "success, or denied (a refused look at another organisation's referral)",
                               examples = "success",
                               required = true,
                               enumeration = {"success", "denied"})
                       String outcome) {
    }

    private final Pseudonymiser pseudonymiser;
    private final AccessLog accessLog;

    public AccessLogQuery(Pseudonymiser pseudonymiser, AccessLog accessLog) {
        this.pseudonymiser = pseudonymiser;
        this.accessLog = accessLog;
    }

    @Transactional
    public List<Line> find(Caller caller, String bsn, String name, LocalDate birthDate, UUID referralId) {
        caller.organisationId(); // the search is logged under the officer's organisation: 403 without one
        List<FieldError> errors = new ArrayList<>();
        boolean byName = name != null || birthDate != null;
        if (byName && (name == null || name.isBlank() || birthDate == null)) {
            errors.add(new FieldError(name == null ? "name" : "birthDate", "name and birthDate go together"));
        }
        if (bsn != null && !Bsn.isValid(bsn)) {
            errors.add(new FieldError("bsn", "is not a valid BSN"));
        }
        if (bsn == null && !byName && referralId == null) {
            errors.add(new FieldError("bsn", "give a BSN, a name and birth date, or a referral id"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("Invalid access-log query", errors);
        }
        List<String> clauses = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (bsn != null) {
            params.add(pseudonymiser.byBsn(bsn).orElseThrow());
            clauses.add("clientBsnPseudonym = ?" + params.size());
        }
        if (byName) {
            params.add(pseudonymiser.byName(name, birthDate));
            clauses.add("clientNamePseudonym = ?" + params.size());
        }
        if (referralId != null) {
            params.add(referralId);
            clauses.add("referralId = ?" + params.size());
        }
        String query = "(" + String.join(" OR ", clauses) + ") ORDER BY at, id";
        List<AccessLogEntry> found = AccessLogEntry.<AccessLogEntry>find(query, params.toArray()).list();
        List<Line> answer = found.stream()
                .map(e -> new Line(e.at, e.event, e.referralId, e.userId, e.organisationId, e.onBehalfOf, e.outcome))
                .toList();
        accessLog.recordAllAsLogged(SEARCH, clientOfEachReferral(found).values(), caller, AccessLog.OK);
        return answer;
    }

    /**
     * Per referral found, the latest record that still names the client by pseudonym: the same pseudonyms the
     * referral's other accesses carry, also once the referral's own were erased (records after that carry none).
     */
    private static Map<UUID, AccessLogEntry> clientOfEachReferral(List<AccessLogEntry> found) {
        Map<UUID, AccessLogEntry> byReferral = new LinkedHashMap<>();
        for (AccessLogEntry entry : found) {
            if (entry.referralId != null
                    && (entry.clientNamePseudonym != null || !byReferral.containsKey(entry.referralId))) {
                byReferral.put(entry.referralId, entry);
            }
        }
        return byReferral;
    }
}
