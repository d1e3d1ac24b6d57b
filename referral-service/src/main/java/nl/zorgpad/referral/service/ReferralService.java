package nl.zorgpad.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.client.PathwayClient;
import nl.zorgpad.referral.client.ResolveRequest;
import nl.zorgpad.referral.client.ResolveResponse;
import nl.zorgpad.referral.config.ReferralConfig;
import nl.zorgpad.referral.domain.Party;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.domain.Route;
import nl.zorgpad.referral.domain.StatusChange;
import nl.zorgpad.referral.domain.StatusMachine;
import nl.zorgpad.referral.messaging.EventType;
import nl.zorgpad.referral.messaging.Outbox;

/** The use cases of a referral: create, read, list, move through its lifecycle, re-route, withdraw consent. */
@ApplicationScoped
public class ReferralService {

    private final PathwayClient pathway;
    private final ReferralWriter writer;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final EntityManager em;
    private final ObjectMapper json;
    private final ReferralConfig config;

    public ReferralService(PathwayClient pathway, ReferralWriter writer, Outbox outbox, AccessLog accessLog,
                           EntityManager em, ObjectMapper json, ReferralConfig config) {
        this.pathway = pathway;
        this.writer = writer;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.em = em;
        this.json = json;
        this.config = config;
    }

    public static String location(UUID id) {
        return "/api/referrals/" + id;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Create
    // ---------------------------------------------------------------------------------------------------------

    /** Validates, resolves routes (outside any transaction), then stores every handover in one transaction. */
    public CreatedReferrals create(Caller caller, NewReferral request, String idempotencyKey) {
        String practiceId = caller.organisationId(); // the referring practice; 403 when the token names none
        Instant now = Instant.now();
        List<FieldError> errors = NewReferralValidator.validate(request, today(), now);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid("The handover request has " + errors.size() + " invalid field(s)",
                    errors);
        }
        String hash = hash(request);
        if (idempotencyKey != null) {
            Optional<ReferralWriter.StoredAnswer> stored = writer.storedAnswer(practiceId, idempotencyKey);
            if (stored.isPresent()) {
                return replay(stored.get(), hash);
            }
        }
        ResolveResponse routes;
        try {
            routes = pathway.resolve(resolveRequest(request));
        } catch (nl.zorgpad.referral.client.PathwayRejectedException e) {
            throw Refusals.invalid("pathway-service cannot route this request: " + e.getMessage(),
                    List.of(new FieldError("signals", e.getMessage())));
        }
        HandoverPlan plan = plan(request, routes);
        checkConsentCoversRoutes(request, plan);
        ReferralWriter.Shared shared = new ReferralWriter.Shared(normalised(request), request.signals(),
                request.consent(), request.referrer(), request.pregnancy().vulnerability(),
                request.pregnancy().urgency(), routes.phase(), routes.municipalityCode());
        return writer.create(onBehalfOfReferrer(caller, request), shared, plan, idempotencyKey, hash, null);
    }

    static CreatedReferrals replay(ReferralWriter.StoredAnswer stored, String requestHash) {
        if (!stored.requestHash().equals(requestHash)) {
            throw Refusals.invalid("Idempotency-Key", "was already used for a different request body");
        }
        return stored.answer();
    }

    private static nl.zorgpad.referral.domain.ClientDetails normalised(NewReferral request) {
        var c = request.client();
        String bsn = c.bsn() == null ? null : nl.zorgpad.referral.domain.Bsn.normalise(c.bsn().strip());
        String postcode = c.postcode().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return new nl.zorgpad.referral.domain.ClientDetails(c.name().strip(), c.birthDate(), bsn, c.phone(),
                c.email(), postcode, c.houseNumber().strip(), c.preferredLanguage(), c.interpreterNeeded(),
                c.literacyNote(), c.safeContactInstructions());
    }

    private static Caller onBehalfOfReferrer(Caller caller, NewReferral request) {
        if (caller.userId().startsWith("service-account-")) {
            return new Caller(caller.userId(), caller.organisation(), caller.roles(), request.referrer().name());
        }
        return caller;
    }

    private ResolveRequest resolveRequest(NewReferral request) {
        var client = request.client();
        int age = Period.between(client.birthDate(), today()).getYears();
        return new ResolveRequest(client.postcode().replace(" ", "").toUpperCase(java.util.Locale.ROOT), null,
                request.signals().stream().map(s -> s.code()).toList(), null, request.pregnancy().dueDate(),
                request.pregnancy().birthDate(), request.pregnancy().vulnerability(), age,
                request.pregnancy().urgency());
    }

    private static HandoverPlan plan(NewReferral request, ResolveResponse routes) {
        if (request.partnerId() != null) {
            return HandoverPlan.override(routes, request.partnerId()).orElseThrow(() -> Refusals.invalid(
                    "partnerId", "is not a partner on any pathway for these signals here"));
        }
        HandoverPlan plan = HandoverPlan.of(routes);
        if (plan.handovers().isEmpty()) {
            throw new ProblemException(ProblemType.NO_ROUTE,
                    "No pathway leads to a partner for these signals at this address; nothing was stored",
                    List.of(), Map.of("gaps", plan.gaps()));
        }
        return plan;
    }

    private static void checkConsentCoversRoutes(NewReferral request, HandoverPlan plan) {
        List<FieldError> errors = new ArrayList<>();
        for (HandoverPlan.Handover handover : plan.handovers()) {
            if (!request.consent().coversPartnerKind(handover.route().partnerKind())) {
                errors.add(new FieldError("consent.partnerKinds", "does not cover partner kind "
                        + handover.route().partnerKind() + " (" + handover.route().partnerName() + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid("The client's consent does not cover the route; nothing was stored",
                    errors);
        }
    }

    private String hash(NewReferral request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Request could not be hashed", e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Read
    // ---------------------------------------------------------------------------------------------------------

    /** Which end of the referral the caller is on; empty when it is not theirs (answered as 404). */
    static Optional<Party> partyOf(Referral referral, Caller caller) {
        if (caller.hasRole(Roles.MIDWIFE) && caller.belongsTo(referral.referringPracticeId)) {
            return Optional.of(Party.REFERRER);
        }
        if (caller.hasRole(Roles.DISTRICT_TEAM) && caller.belongsTo(referral.partnerId)) {
            return Optional.of(Party.RECEIVER);
        }
        return Optional.empty();
    }

    /** Safe-contact instructions: for the receiving organisation and the professional who referred. */
    static boolean showsSafeContact(Referral referral, Caller caller, Party party) {
        return party == Party.RECEIVER || referral.referringUserId.equals(caller.userId());
    }

    private Referral visible(UUID id, Caller caller, String event, boolean forUpdate) {
        caller.organisationId(); // a token without an organisation sees no referral: 403 before anything is read
        Referral referral = forUpdate ? em.find(Referral.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(Referral.class, id);
        if (referral == null) {
            throw Refusals.notFound("Referral " + id);
        }
        if (partyOf(referral, caller).isEmpty()) {
            accessLog.recordRefusal(event, referral, caller);
            throw Refusals.notFound("Referral " + id);
        }
        return referral;
    }

    public record Versioned<T>(T value, int version) {
    }

    @Transactional
    public Versioned<ReferralView> get(Caller caller, UUID id) {
        Referral referral = visible(id, caller, "read", false);
        accessLog.record("read", referral, caller, AccessLog.OK);
        return new Versioned<>(view(referral, caller, today()), referral.version);
    }

    private static ReferralView view(Referral referral, Caller caller, LocalDate today) {
        Party party = partyOf(referral, caller).orElseThrow();
        return ReferralView.of(referral, showsSafeContact(referral, caller, party),
                StatusMachine.allowedFor(referral.currentStatus(), party), today);
    }

    @Transactional
    public List<HistoryLine> history(Caller caller, UUID id) {
        Referral referral = visible(id, caller, "read-history", false);
        accessLog.record("read-history", referral, caller, AccessLog.OK);
        return StatusChange.<StatusChange>find("referralId = ?1 ORDER BY id", id).stream()
                .map(HistoryLine::of).toList();
    }

    public record ListFilter(String status, Boolean overdue, String signal, LocalDate from, LocalDate to, int page,
                             int size) {
    }

    public record Page(List<ReferralSummary> items, int page, int size, long total) {
    }

    /** A page of the caller's referrals, newest first (creation time, then id, so pages neither overlap nor skip). */
    @Transactional
    public Page list(Caller caller, ListFilter filter) {
        List<FieldError> errors = new ArrayList<>();
        if (filter.page() < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (filter.size() < 1 || filter.size() > 100) {
            errors.add(new FieldError("size", "must be between 1 and 100"));
        }
        LocalDate today = today();
        Criteria criteria = criteria(caller, filter.status(), filter.overdue(), filter.signal(), filter.from(),
                filter.to(), today, errors, "Invalid list filter");
        var query = Referral.<Referral>find(criteria.where() + " ORDER BY createdAt DESC, id", criteria.params())
                .page(io.quarkus.panache.common.Page.of(filter.page(), filter.size()));
        List<Referral> rows = query.list();
        accessLog.recordAll("list", rows, caller, AccessLog.OK);
        return new Page(rows.stream().map(r -> ReferralSummary.of(r, today)).toList(), filter.page(), filter.size(),
                query.count());
    }

    /** The filters of an export: those of the list, without paging. */
    public record ExportFilter(String status, Boolean overdue, String signal, LocalDate from, LocalDate to) {
    }

    /** The most referrals one export holds; a wider selection is refused (narrow it by date). */
    public static final int EXPORT_LIMIT = 10_000;

    /**
     * The caller's referrals as CSV, with the list's filters and visibility: a midwife exports her practice's
     * referrals, a district team those addressed to it. Client details as the detail view shows them (safe-contact
     * instructions only to the receiver and the referring professional). Every exported referral gets an access-log
     * record with event {@code export}, in the same transaction.
     */
    @Transactional
    public String export(Caller caller, ExportFilter filter) {
        LocalDate today = today();
        Criteria criteria = criteria(caller, filter.status(), filter.overdue(), filter.signal(), filter.from(),
                filter.to(), today, new ArrayList<>(), "Invalid export filter");
        var query = Referral.<Referral>find(criteria.where() + " ORDER BY createdAt DESC, id", criteria.params());
        long count = query.count();
        if (count > EXPORT_LIMIT) {
            throw Refusals.invalid("to", "the selection holds " + count + " referrals, more than "
                    + EXPORT_LIMIT + " in one export; narrow it with from and to");
        }
        List<Referral> rows = query.list();
        accessLog.recordAll("export", rows, caller, AccessLog.OK);
        List<ReferralCsv.Row> lines = new ArrayList<>(rows.size());
        for (Referral row : rows) {
            Party party = partyOf(row, caller).orElseThrow();
            lines.add(new ReferralCsv.Row(row, showsSafeContact(row, caller, party), today));
        }
        return ReferralCsv.write(lines);
    }

    private record Criteria(String where, Map<String, Object> params) {
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
            throw Refusals.invalid(title, errors);
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
            params.put("from", from.atStartOfDay(config.zone()).toInstant());
        }
        if (to != null) {
            where.append(" AND createdAt < :to");
            params.put("to", to.plusDays(1).atStartOfDay(config.zone()).toInstant());
        }
        return new Criteria(where.toString(), params);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Lifecycle
    // ---------------------------------------------------------------------------------------------------------

    @Transactional
    public Versioned<ReferralView> changeStatus(Caller caller, UUID id, Integer expectedVersion,
                                                StatusRequest request) {
        Referral referral = visible(id, caller, "status-change", true);
        Party party = partyOf(referral, caller).orElseThrow();
        if (expectedVersion == null) {
            throw Refusals.preconditionRequired();
        }
        if (expectedVersion != referral.version) {
            throw Refusals.stale(referral.version);
        }
        ReferralStatus to = request == null || request.status() == null ? null
                : ReferralStatus.fromCode(request.status()).orElse(null);
        if (to == null) {
            throw Refusals.invalid("status", "must be one of " + List.of(ReferralStatus.values()).stream()
                    .map(ReferralStatus::code).toList());
        }
        ReferralStatus from = referral.currentStatus();
        Set<ReferralStatus> allowed = StatusMachine.allowedFor(from, party);
        if (!StatusMachine.isLegal(from, to)) {
            throw new ProblemException(ProblemType.ILLEGAL_TRANSITION,
                    "A referral cannot go from " + from.code() + " to " + to.code() + "; you can move it to "
                            + (allowed.isEmpty() ? "nothing (it is closed)" : codes(allowed)), List.of(),
                    Map.of("currentStatus", from.code(), "allowed", codes(allowed)));
        }
        if (!StatusMachine.mayMove(party, to)) {
            throw new ProblemException(ProblemType.FORBIDDEN, (party == Party.REFERRER ? "The referring practice"
                    : "The receiving organisation") + " cannot set " + to.code() + "; you can move it to "
                    + codes(allowed), List.of(), Map.of("allowed", codes(allowed)));
        }
        List<FieldError> missing = StatusMachine.missingDetails(to, request.reasonCode(), request.reasonText(),
                request.outcome());
        if (!missing.isEmpty()) {
            throw Refusals.invalid("A move to " + to.code() + " needs more details", missing);
        }
        Instant now = Instant.now();
        apply(referral, to, request, now);
        writer.history(referral, from.code(), caller, now);
        outbox.record(EventType.forStatus(to), referral, now);
        accessLog.record("status-change", referral, caller, AccessLog.OK);
        em.flush();
        return new Versioned<>(view(referral, caller, today()), referral.version);
    }

    private static void apply(Referral referral, ReferralStatus to, StatusRequest request, Instant now) {
        referral.status = to.code();
        referral.reasonCode = StatusMachine.needsReason(to) ? request.reasonCode() : null;
        referral.reasonText = StatusMachine.needsReason(to) ? request.reasonText() : null;
        if (to == ReferralStatus.COMPLETED) {
            referral.outcome = request.outcome();
        }
        if (to == ReferralStatus.ACCEPTED) {
            referral.acceptedAt = now;
        }
        if (to == ReferralStatus.IN_PROGRESS && referral.firstContactAt == null) {
            referral.firstContactAt = now;
        }
        if (to.isClosed()) {
            referral.closedAt = now;
        }
    }

    private static List<String> codes(Set<ReferralStatus> statuses) {
        return statuses.stream().map(ReferralStatus::code).toList();
    }

    /**
     * The client withdrew consent: the referral is cancelled (when still open), the client details are erased at
     * once and an event tells the partner to delete its copy. Repeating it changes nothing.
     */
    @Transactional
    public Versioned<ReferralView> withdrawConsent(Caller caller, UUID id) {
        Referral referral = visible(id, caller, "consent-withdrawal", true);
        if (ReferralStatus.CANCELLED.code().equals(referral.status) && "consent-withdrawn".equals(referral.reasonCode)
                && referral.detailsErased()) {
            return new Versioned<>(view(referral, caller, today()), referral.version);
        }
        accessLog.record("consent-withdrawal", referral, caller, AccessLog.OK);
        Instant now = Instant.now();
        String from = referral.status;
        if (!referral.currentStatus().isClosed()) {
            referral.status = ReferralStatus.CANCELLED.code();
            referral.reasonCode = "consent-withdrawn";
            referral.reasonText = "The client withdrew consent";
            referral.closedAt = now;
            writer.history(referral, from, caller, now);
        }
        referral.eraseClientDetails(now, "consent-withdrawn");
        outbox.record(EventType.CONSENT_WITHDRAWN, referral, now);
        em.flush();
        return new Versioned<>(view(referral, caller, today()), referral.version);
    }

    /**
     * After a rejection, hands the family over to the next alternative route (or the named one) in one call; the
     * new referral links the rejected one.
     */
    public CreatedReferrals reroute(Caller caller, UUID id, String partnerId) {
        Referral rejected = writer.loadForReroute(caller, id);
        List<Route> alternatives = rejected.alternatives == null ? List.of() : rejected.alternatives;
        Route next = alternatives.stream()
                .filter(r -> partnerId == null || partnerId.equals(r.partnerId()))
                .findFirst()
                .orElseThrow(() -> partnerId == null
                        ? new ProblemException(ProblemType.NO_ALTERNATIVE,
                        "The pathway named no further partner for these signals")
                        : Refusals.invalid("partnerId", "is not one of the alternative routes"));
        if (!rejected.consent.coversPartnerKind(next.partnerKind())) {
            throw Refusals.invalid("partnerId", "the client's consent does not cover partner kind "
                    + next.partnerKind());
        }
        List<Route> rest = alternatives.stream().filter(r -> !r.partnerId().equals(next.partnerId())).toList();
        HandoverPlan plan = new HandoverPlan(List.of(new HandoverPlan.Handover(next,
                List.of(rejected.signalCodes), rest, partnerId != null)), List.of());
        ReferralWriter.Shared shared = new ReferralWriter.Shared(rejected.client, rejected.signals,
                rejected.consent, rejected.referrer, rejected.vulnerability, rejected.urgency, rejected.phase,
                rejected.municipalityCode);
        return writer.create(caller, shared, plan, null, null, rejected.id);
    }

    LocalDate today() {
        return LocalDate.now(config.zone());
    }
}
