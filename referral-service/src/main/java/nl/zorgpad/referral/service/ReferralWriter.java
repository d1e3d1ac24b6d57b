package nl.zorgpad.referral.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.ClientIdentity;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.DuplicateCheck;
import nl.zorgpad.referral.domain.DutchWorkingDays;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.Route;
import nl.zorgpad.referral.domain.SignalNote;
import nl.zorgpad.referral.domain.StatusChange;
import nl.zorgpad.referral.messaging.ReferralEventType;
import nl.zorgpad.referral.messaging.Outbox;

/**
 * The writing half of creating handovers: one transaction that stores every referral of a request with its
 * history, outbox event, access-log record and idempotency record, or nothing at all.
 */
@ApplicationScoped
public class ReferralWriter {

    /** A stored idempotent answer. */
    public record StoredAnswer(String requestHash, CreatedReferrals answer) {
    }

    /** What the referrals of one request share. */
    public record Shared(ClientDetails client, List<SignalNote> signals, Consent consent, Referrer referrer,
                         String vulnerability, String urgency, String phase, String municipalityCode) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final Pseudonymiser pseudonymiser;
    private final ObjectMapper json;
    private final ZoneId zone;

    public ReferralWriter(EntityManager em, Outbox outbox, AccessLog accessLog, Pseudonymiser pseudonymiser,
                          ObjectMapper json, ZoneId zone) {
        this.em = em;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.pseudonymiser = pseudonymiser;
        this.json = json;
        this.zone = zone;
    }

    @Transactional
    public Optional<StoredAnswer> storedAnswer(String practiceId, String key) {
        List<Object[]> rows = em.createNativeQuery("SELECT request_hash, CAST(response_body AS text) "
                        + "FROM idempotency_key WHERE practice_id = ?1 AND idempotency_key = ?2", Object[].class)
                .setParameter(1, practiceId).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new StoredAnswer((String) rows.get(0)[0],
                    json.readValue((String) rows.get(0)[1], CreatedReferrals.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored idempotent answer is unreadable", e);
        }
    }

    /**
     * Stores the handovers of one request. Serialised per client (and per idempotency key) with advisory locks, so
     * two concurrent requests cannot both pass the duplicate check.
     */
    @Transactional
    public CreatedReferrals create(Caller caller, Shared shared, HandoverPlan plan, String idempotencyKey,
                                   String requestHash, UUID previousReferralId) {
        ClientIdentity.Pseudonyms client = pseudonymiser.of(shared.client());
        TreeSet<String> locks = new TreeSet<>();
        locks.add("client:" + client.byNameAndBirthDate());
        client.byBsn().ifPresent(p -> locks.add("client:" + p));
        if (idempotencyKey != null) {
            locks.add("idem:" + caller.organisationId() + ":" + idempotencyKey);
        }
        lock(locks);
        if (idempotencyKey != null) {
            Optional<StoredAnswer> stored = storedAnswer(caller.organisationId(), idempotencyKey);
            if (stored.isPresent()) {
                return ReferralCreation.replay(stored.get(), requestHash);
            }
        }
        for (HandoverPlan.Handover handover : plan.handovers()) {
            rejectDuplicate(client, handover);
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<CreatedReferrals.CreatedHandover> created = new ArrayList<>();
        for (HandoverPlan.Handover handover : plan.handovers()) {
            Referral referral = newReferral(caller, shared, handover, client, now, today, previousReferralId);
            referral.persist();
            history(referral, null, caller, now);
            outbox.record(ReferralEventType.REQUESTED, referral, now);
            accessLog.record("create", referral, caller, AccessLog.OK);
            created.add(new CreatedReferrals.CreatedHandover(referral.id, ReferralAccess.location(referral.id),
                    referral.status, referral.partnerId, referral.partnerName, referral.partnerKind,
                    handover.route().contactPoint(), handover.route().instruction(), referral.pathwayId,
                    referral.pathwayVersion, List.of(referral.signalCodes), referral.acknowledgeDeadline,
                    referral.partnerOverride, handover.route().capacityStatus(), handover.route().waitlistWeeks(),
                    previousReferralId));
        }
        CreatedReferrals answer = new CreatedReferrals(shared.phase(), shared.municipalityCode(), created,
                plan.gaps());
        if (idempotencyKey != null) {
            storeAnswer(caller.organisationId(), idempotencyKey, requestHash, answer, now);
        }
        return answer;
    }

    private Referral newReferral(Caller caller, Shared shared, HandoverPlan.Handover handover,
                                 ClientIdentity.Pseudonyms client, Instant now, LocalDate today,
                                 UUID previousReferralId) {
        Route route = handover.route();
        Referral r = new Referral();
        r.id = UUID.randomUUID();
        r.referringPracticeId = caller.organisationId();
        r.referringUserId = caller.userId();
        r.partnerId = route.partnerId();
        r.partnerName = route.partnerName() == null ? route.partnerId() : route.partnerName();
        r.partnerKind = route.partnerKind();
        r.regionId = route.regionId();
        r.municipalityCode = shared.municipalityCode();
        r.phase = shared.phase();
        r.vulnerability = shared.vulnerability();
        r.urgency = shared.urgency();
        r.pathwayId = route.pathwayId();
        r.pathwayVersion = route.pathwayVersion();
        r.partnerOverride = handover.override();
        r.route = route;
        r.alternatives = handover.alternatives();
        r.signalCodes = handover.signalCodes().toArray(String[]::new);
        r.status = ReferralStatus.REQUESTED.code();
        r.acknowledgeDeadline = DutchWorkingDays.addWorkingDays(today, route.responseDays(shared.urgency()));
        r.previousReferralId = previousReferralId;
        r.createdAt = now;
        r.clientBsnPseudonym = client.byBsn().orElse(null);
        r.clientNamePseudonym = client.byNameAndBirthDate();
        r.client = shared.client();
        r.signals = shared.signals().stream().filter(s -> handover.signalCodes().contains(s.code())).toList();
        r.consent = shared.consent();
        r.referrer = shared.referrer();
        return r;
    }

    private void rejectDuplicate(ClientIdentity.Pseudonyms client, HandoverPlan.Handover handover) {
        // Two lookups rather than one with "name OR bsn": each is an equality on both columns of one index, also in
        // the generic plan PostgreSQL switches to for a prepared statement. The OR form got a plan that walked all of
        // a partner's open referrals on every create.
        String partnerId = handover.route().partnerId();
        Map<UUID, Referral> candidates = new LinkedHashMap<>();
        openReferrals("FROM Referral WHERE closedAt IS NULL AND clientNamePseudonym = :pseudonym "
                + "AND partnerId = :partner", client.byNameAndBirthDate(), partnerId)
                .forEach(r -> candidates.put(r.id, r));
        client.byBsn().ifPresent(bsn -> openReferrals("FROM Referral WHERE closedAt IS NULL "
                + "AND clientBsnPseudonym = :pseudonym AND partnerId = :partner", bsn, partnerId)
                .forEach(r -> candidates.putIfAbsent(r.id, r)));
        List<DuplicateCheck.Existing> existing = candidates.values().stream()
                .map(r -> new DuplicateCheck.Existing(r.id, new ClientIdentity.Pseudonyms(
                        Optional.ofNullable(r.clientBsnPseudonym), r.clientNamePseudonym), r.partnerId,
                        List.of(r.signalCodes), r.currentStatus()))
                .toList();
        DuplicateCheck.firstDuplicate(client, handover.route().partnerId(), handover.signalCodes(), existing)
                .ifPresent(d -> {
                    throw new ProblemException(ProblemType.DUPLICATE,
                            "This client already has an open referral to " + handover.route().partnerId()
                                    + " for one of these signals; nothing was stored", List.of(),
                            Map.of("existingReferralId", d.id(), "existing", ReferralAccess.location(d.id())));
                });
    }

    private List<Referral> openReferrals(String query, String pseudonym, String partnerId) {
        return em.createQuery(query, Referral.class).setParameter("pseudonym", pseudonym)
                .setParameter("partner", partnerId).getResultList();
    }

    /** The rejected referral to re-route, if the caller referred it and it was not re-routed before. */
    @Transactional
    public Referral loadForReroute(Caller caller, UUID id) {
        caller.organisationId(); // a token without an organisation re-routes nothing: 403 before anything is read
        Referral referral = em.find(Referral.class, id);
        if (referral == null || ReferralAccess.partyOf(referral, caller).orElse(null)
                != nl.zorgpad.referral.domain.Party.REFERRER) {
            throw Refusals.notFound("Referral " + id);
        }
        if (!ReferralStatus.REJECTED.code().equals(referral.status)) {
            throw new ProblemException(ProblemType.NOT_REJECTED, "This referral is " + referral.status,
                    List.of(), Map.of("currentStatus", referral.status));
        }
        if (referral.detailsErased()) {
            throw new ProblemException(ProblemType.DETAILS_ERASED,
                    "Consent was withdrawn or the retention period passed; start a new handover");
        }
        Optional<Referral> next = Referral.find("previousReferralId", id).firstResultOptional();
        if (next.isPresent()) {
            throw new ProblemException(ProblemType.ALREADY_REROUTED,
                    "This referral was already handed over to the next partner", List.of(),
                    Map.of("existingReferralId", next.get().id, "existing", ReferralAccess.location(next.get().id)));
        }
        accessLog.record("reroute", referral, caller, AccessLog.OK);
        return referral;
    }

    /**
     * Erases the referral's client details and the texts typed about it, in the referral and in its history: on
     * consent withdrawal and after retention, the one way both erase.
     */
    void eraseClientDetails(Referral referral, Instant at, String reason) {
        referral.eraseClientDetails(at, reason);
        StatusChange.eraseTexts(referral.id);
    }

    void history(Referral referral, String from, Caller caller, Instant at) {
        StatusChange change = new StatusChange();
        change.referralId = referral.id;
        change.fromStatus = from;
        change.toStatus = referral.status;
        change.actorUserId = caller.userId();
        change.actorOrgId = caller.organisationId();
        change.at = at;
        change.reasonCode = referral.reasonCode;
        change.reasonText = referral.reasonText;
        change.outcome = referral.outcome;
        change.persist();
    }

    /** Takes the advisory locks of all keys in one round trip, in the given (sorted) order, to avoid deadlocks. */
    private void lock(TreeSet<String> keys) {
        em.createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(k.key, 0))) "
                        + "FROM unnest(CAST(?1 AS text[])) AS k(key)")
                .setParameter(1, keys.toArray(String[]::new)).getSingleResult();
    }

    private void storeAnswer(String practiceId, String key, String hash, CreatedReferrals answer, Instant now) {
        try {
            em.createNativeQuery("INSERT INTO idempotency_key (practice_id, idempotency_key, request_hash, "
                            + "response_status, location, response_body, created_at) "
                            + "VALUES (?1, ?2, ?3, 201, ?4, CAST(?5 AS jsonb), ?6)")
                    .setParameter(1, practiceId).setParameter(2, key).setParameter(3, hash)
                    .setParameter(4, answer.handovers().isEmpty() ? null : answer.handovers().get(0).location())
                    .setParameter(5, json.writeValueAsString(answer)).setParameter(6, now)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer could not be serialised", e);
        }
    }
}
