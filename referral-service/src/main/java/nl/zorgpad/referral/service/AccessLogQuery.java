package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.Bsn;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * "Who saw my data": the privacy officer's view of the access log, by client or by referral. She sees only the accesses
 * to referrals in which one of the organisations she answers for (her token's {@code privacy_org_ids}) is a party:
 * the referring practice or the receiving partner. Whoever made the access (her organisations' staff, or another
 * organisation's refused attempt) does not matter: what counts is whose client's data it was. The search is itself an
 * access (it shows which organisations handled a client's referrals): it records one {@value #SEARCH} access per
 * referral it found, in the same transaction, after reading its answer. So the answer holds earlier searches but not
 * this one; a search that finds nothing records nothing, as there is no client to attribute it to.
 */
@ApplicationScoped
public class AccessLogQuery {

    /** The event of a privacy officer's search that found a referral. */
    public static final String SEARCH = "access-log-search";
    /** The event of a privacy officer's overview for a client (Wabvpz art. 15d) that found a referral. */
    public static final String OVERVIEW = "client-overview";

    static final String EVENTS = "What was done: create, read, read-history, list, export, status-change, reroute, "
            + "consent-withdrawal, access-log-search (a privacy officer's search of this log that found the "
            + "referral), or client-overview (a privacy officer's overview for the client that found it)";

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
                       String outcome,
                       @Schema(description = "The role in which the user acted (a realm role); null in records "
                               + "from before this was logged", examples = "district-team", required = true,
                               nullable = true,
                               enumeration = {"midwife", "district-team", "vsv-admin", "privacy-officer", "service"})
                       String role,
                       @Schema(description = "From which application: the client the user's token was issued to "
                               + "(zorgpad-console, a practice's software, a zorgpad service); null when unknown",
                               examples = "zorgpad-console", required = true, nullable = true)
                       String application,
                       @Schema(description = "Through which zorgpad service (the one that wrote the record); null "
                               + "in records from before this was logged", examples = "referral-service",
                               required = true, nullable = true)
                       String service) {

        static Line of(AccessLogEntry e) {
            return new Line(e.at, e.event, e.referralId, e.userId, e.organisationId, e.onBehalfOf, e.outcome, e.role,
                    e.application, e.service);
        }
    }

    private final Pseudonymiser pseudonymiser;
    private final AccessLog accessLog;

    public AccessLogQuery(Pseudonymiser pseudonymiser, AccessLog accessLog) {
        this.pseudonymiser = pseudonymiser;
        this.accessLog = accessLog;
    }

    @Transactional
    public List<Line> find(Caller caller, String bsn, String name, LocalDate birthDate, UUID referralId) {
        List<AccessLogEntry> found = search(caller, bsn, name, birthDate, referralId,
                "give a BSN, a name and birth date, or a referral id");
        List<Line> answer = found.stream().map(Line::of).toList();
        accessLog.recordAllAsLogged(SEARCH, clientOfEachReferral(found).values(), caller, AccessLog.OK);
        return answer;
    }

    /**
     * The client's overview (Wabvpz art. 15d) by BSN or by name and birth date (a text, so that one that is no date
     * is a field error). Logged like a search, as {@value #OVERVIEW}, per referral found.
     */
    @Transactional
    public ClientOverview overview(Caller caller, String bsn, String name, String birthDate) {
        requirePrivacyOfficerOf(caller); // before the input is judged: 403 comes first
        LocalDate date = null;
        if (birthDate != null) {
            try {
                date = LocalDate.parse(birthDate.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("birthDate", "is not a date (yyyy-mm-dd)");
            }
        }
        List<AccessLogEntry> found = search(caller, bsn, name, date, null, "give a BSN, or a name and birth date");
        ClientOverview answer = ClientOverview.of(found);
        accessLog.recordAllAsLogged(OVERVIEW, clientOfEachReferral(found).values(), caller, AccessLog.OK);
        return answer;
    }

    /**
     * The records about the client or referral given, oldest first, of the referrals in which one of the caller's
     * organisations is a party. A 422 names every field at fault; {@code nothingGiven} says what to give instead.
     */
    private List<AccessLogEntry> search(Caller caller, String bsn, String name, LocalDate birthDate,
                                        UUID referralId, String nothingGiven) {
        Set<String> organisations = requirePrivacyOfficerOf(caller);
        List<FieldError> errors = new ArrayList<>();
        boolean byName = name != null || birthDate != null;
        if (byName && (name == null || name.isBlank() || birthDate == null)) {
            errors.add(new FieldError(name == null || name.isBlank() ? "name" : "birthDate",
                    "name and birthDate go together"));
        }
        if (bsn != null && !Bsn.isValid(bsn)) {
            errors.add(new FieldError("bsn", "is not a valid BSN"));
        }
        if (bsn == null && !byName && referralId == null) {
            errors.add(new FieldError("bsn", nothingGiven));
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
        params.add(organisations);
        String query = "(" + String.join(" OR ", clauses) + ") AND referralId IN (SELECT r.id FROM Referral r "
                + "WHERE r.referringPracticeId IN ?" + params.size() + " OR r.partnerId IN ?" + params.size()
                + ") ORDER BY at, id";
        return AccessLogEntry.<AccessLogEntry>find(query, params.toArray()).list();
    }

    /** The organisations the officer answers for; 403 without them, or without her own (the searches' record). */
    private static Set<String> requirePrivacyOfficerOf(Caller caller) {
        caller.organisationId();
        return caller.privacyOrganisationIds();
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
