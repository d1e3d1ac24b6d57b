package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.domain.StatusChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Reading referrals: one referral and its history for its two ends, and the caller's organisation's referrals as a
 * filtered page or a CSV export. Every read of client data is recorded in the access log in the same transaction.
 */
@ApplicationScoped
public class ReferralQueries {

    /** The most referrals one export holds; a wider selection is refused (narrow it by date). */
    public static final int EXPORT_LIMIT = 10_000;

    /** The list's filters, with a narrowing an adapter may add (the REST list has none). */
    public record ListFilter(String status, Boolean overdue, String signal, LocalDate from, LocalDate to,
                             Narrowing narrowing, int page, int size) {
    }

    /**
     * One partner or one practice, and when the referral last changed: from {@code updatedFrom} (inclusive) and
     * before {@code updatedBefore}; null where not narrowed.
     */
    public record Narrowing(String partnerId, String practiceId, Instant updatedFrom, Instant updatedBefore) {

        public static final Narrowing NONE = new Narrowing(null, null, null, null);
    }

    /** A page of whole referrals as their reader sees them, for an adapter that shows more than a list line. */
    public record ViewPage(List<Versioned<ReferralView>> items, long total) {
    }

    public record Page(
            @Schema(description = "The referrals on this page, newest first", required = true)
            List<ReferralSummary> items,
            @Schema(description = "The page number, from 0", examples = "0", required = true)
            int page,
            @Schema(description = "The page size asked for", examples = "20", required = true)
            int size,
            @Schema(description = "How many referrals match the filters in all", examples = "42", required = true)
            long total) {
    }

    /** The filters of an export: those of the list, without paging. */
    public record ExportFilter(String status, Boolean overdue, String signal, LocalDate from, LocalDate to) {
    }

    private record Criteria(String where, Map<String, Object> params) {
    }

    private final ReferralAccess access;
    private final AccessLog accessLog;
    private final ZoneId zone;

    public ReferralQueries(ReferralAccess access, AccessLog accessLog, ZoneId zone) {
        this.access = access;
        this.accessLog = accessLog;
        this.zone = zone;
    }

    @Transactional
    public Versioned<ReferralView> get(Caller caller, UUID id) {
        Referral referral = access.visible(id, caller, "read", false);
        accessLog.record("read", referral, caller, AccessLog.OK);
        return new Versioned<>(access.view(referral, caller), referral.version);
    }

    @Transactional
    public List<HistoryLine> history(Caller caller, UUID id) {
        Referral referral = access.visible(id, caller, "read-history", false);
        accessLog.record("read-history", referral, caller, AccessLog.OK);
        return StatusChange.<StatusChange>find("referralId = ?1 ORDER BY id", id).stream()
                .map(HistoryLine::of).toList();
    }

    /**
     * The name of an organisation the caller deals with: her own, or the other end of one of her referrals; empty
     * for any other. Partners are named as the route named them; a practice by its id (its name is not kept here).
     * No client data, so not an access to log.
     */
    @Transactional
    public Optional<String> organisationName(Caller caller, String organisationId) {
        String own = caller.organisationId();
        boolean midwife = caller.hasRole(Roles.MIDWIFE);
        String theirs = midwife ? "partnerId" : "referringPracticeId";
        String ours = midwife ? "referringPracticeId" : "partnerId";
        Optional<Referral> shared = Referral.<Referral>find(ours + " = ?1 AND " + theirs + " = ?2", own, organisationId)
                .firstResultOptional();
        if (shared.isPresent()) {
            return Optional.of(midwife ? shared.get().partnerName : organisationId);
        }
        if (!organisationId.equals(own)) {
            return Optional.empty();
        }
        return midwife ? Optional.of(own) : Referral.<Referral>find("partnerId", own).firstResultOptional()
                .map(r -> r.partnerName).or(() -> Optional.of(own));
    }

    /** A page of the caller's referrals, newest first (creation time, then id, so pages neither overlap nor skip). */
    @Transactional
    public Page list(Caller caller, ListFilter filter) {
        LocalDate today = access.today();
        Selection selection = select(caller, filter, today);
        return new Page(selection.rows().stream().map(r -> ReferralSummary.of(r, today)).toList(), filter.page(),
                filter.size(), selection.total());
    }

    /** The same page as {@link #list}, each referral whole as its reader sees it (FHIR's Task search). */
    @Transactional
    public ViewPage listViews(Caller caller, ListFilter filter) {
        Selection selection = select(caller, filter, access.today());
        return new ViewPage(selection.rows().stream()
                .map(r -> new Versioned<>(access.view(r, caller), r.version)).toList(), selection.total());
    }

    private record Selection(List<Referral> rows, long total) {
    }

    private Selection select(Caller caller, ListFilter filter, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (filter.page() < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (filter.size() < 1 || filter.size() > 100) {
            errors.add(new FieldError("size", "must be between 1 and 100"));
        }
        Criteria criteria = criteria(caller, filter.status(), filter.overdue(), filter.signal(), filter.from(),
                filter.to(), today, errors, "Invalid list filter");
        StringBuilder where = new StringBuilder(criteria.where());
        Map<String, Object> params = new LinkedHashMap<>(criteria.params());
        Narrowing narrowing = filter.narrowing() == null ? Narrowing.NONE : filter.narrowing();
        if (narrowing.partnerId() != null) {
            where.append(" AND partnerId = :partner");
            params.put("partner", narrowing.partnerId());
        }
        if (narrowing.practiceId() != null) {
            where.append(" AND referringPracticeId = :practice");
            params.put("practice", narrowing.practiceId());
        }
        if (narrowing.updatedFrom() != null) {
            where.append(" AND updatedAt >= :updatedFrom");
            params.put("updatedFrom", narrowing.updatedFrom());
        }
        if (narrowing.updatedBefore() != null) {
            where.append(" AND updatedAt < :updatedBefore");
            params.put("updatedBefore", narrowing.updatedBefore());
        }
        var query = Referral.<Referral>find(where + " ORDER BY createdAt DESC, id", params)
                .page(io.quarkus.panache.common.Page.of(filter.page(), filter.size()));
        List<Referral> rows = query.list();
        accessLog.recordAll("list", rows, caller, AccessLog.OK);
        return new Selection(rows, query.count());
    }

    /**
     * The caller's referrals as CSV, with the list's filters and visibility: a midwife exports her practice's
     * referrals, a district team those addressed to it. Client details as the detail view shows them, except the
     * safe-contact rules: only whether they exist (a file travels further than a screen). Every exported referral
     * gets an access-log
     * record with event {@code export}, in the same transaction.
     */
    @Transactional
    public String export(Caller caller, ExportFilter filter) {
        LocalDate today = access.today();
        Criteria criteria = criteria(caller, filter.status(), filter.overdue(), filter.signal(), filter.from(),
                filter.to(), today, new ArrayList<>(), "Invalid export filter");
        var query = Referral.<Referral>find(criteria.where() + " ORDER BY createdAt DESC, id", criteria.params());
        long count = query.count();
        if (count > EXPORT_LIMIT) {
            throw ProblemException.invalid("to", "the selection holds " + count + " referrals, more than "
                    + EXPORT_LIMIT + " in one export; narrow it with from and to");
        }
        List<Referral> rows = query.list();
        accessLog.recordAll("export", rows, caller, AccessLog.OK);
        return ReferralCsv.write(rows.stream().map(row -> new ReferralCsv.Row(row, today)).toList());
    }

    /**
     * The caller's own referrals (by role) narrowed by the list filters; invalid filters give 422. Overdue as
     * {@link Referral#isOverdue(LocalDate)} has it on {@code today}.
     */
    private Criteria criteria(Caller caller, String status, Boolean overdue, String signal, LocalDate from,
                              LocalDate to, LocalDate today, List<FieldError> errors, String title) {
        if (status != null && ReferralStatus.fromCode(status).isEmpty()) {
            errors.add(new FieldError("status", "unknown status"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not lie before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(title, errors);
        }
        StringBuilder where = new StringBuilder(caller.hasRole(Roles.MIDWIFE)
                ? "referringPracticeId = :org" : "partnerId = :org");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("org", caller.organisationId());
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status);
        }
        if (overdue != null) {
            where.append(overdue ? " AND status = 'requested' AND acknowledgeDeadline < :today"
                    : " AND NOT (status = 'requested' AND acknowledgeDeadline < :today)");
            params.put("today", today);
        }
        if (signal != null) {
            where.append(" AND array_contains(signalCodes, :signal)");
            params.put("signal", signal);
        }
        if (from != null) {
            where.append(" AND createdAt >= :from");
            params.put("from", from.atStartOfDay(zone).toInstant());
        }
        if (to != null) {
            where.append(" AND createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(zone).toInstant());
        }
        return new Criteria(where.toString(), params);
    }
}
