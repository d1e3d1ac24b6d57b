package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.referral.domain.Bsn;

/** "Who saw my data": the privacy officer's view of the access log, by client or by referral. */
@ApplicationScoped
public class AccessLogQuery {

    /** One access as shown to the privacy officer. */
    public record Line(Instant at, String event, UUID referralId, String userId, String organisationId,
                       String onBehalfOf, String outcome) {
    }

    private final Pseudonymiser pseudonymiser;

    public AccessLogQuery(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    @Transactional
    public List<Line> find(String bsn, String name, LocalDate birthDate, UUID referralId) {
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
        return AccessLogEntry.<AccessLogEntry>find(query, params.toArray()).stream()
                .map(e -> new Line(e.at, e.event, e.referralId, e.userId, e.organisationId, e.onBehalfOf, e.outcome))
                .toList();
    }
}
