package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.referral.domain.Party;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.ReferralStatus;
import nl.zorgpad.referral.domain.Route;
import nl.zorgpad.referral.domain.StatusMachine;
import nl.zorgpad.referral.messaging.ReferralEventType;
import nl.zorgpad.referral.messaging.Outbox;

/**
 * A referral's life after its creation: status changes by its two ends (with If-Match), the client withdrawing
 * consent, and the re-route of a rejected referral to the next alternative partner.
 */
@ApplicationScoped
public class ReferralLifecycle {

    private final ReferralAccess access;
    private final ReferralWriter writer;
    private final Outbox outbox;
    private final AccessLog accessLog;
    private final EntityManager em;

    public ReferralLifecycle(ReferralAccess access, ReferralWriter writer, Outbox outbox, AccessLog accessLog,
                             EntityManager em) {
        this.access = access;
        this.writer = writer;
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.em = em;
    }

    @Transactional
    public Versioned<ReferralView> changeStatus(Caller caller, UUID id, Integer expectedVersion,
                                                StatusRequest request) {
        Referral referral = access.visible(id, caller, "status-change", true);
        Party party = ReferralAccess.partyOf(referral, caller).orElseThrow();
        if (expectedVersion == null) {
            throw Refusals.preconditionRequired();
        }
        if (expectedVersion != referral.version) {
            throw Refusals.stale(referral.version);
        }
        ReferralStatus to = request == null || request.status() == null ? null
                : ReferralStatus.fromCode(request.status()).orElse(null);
        if (to == null) {
            throw ProblemException.invalid("status", "must be one of " + List.of(ReferralStatus.values()).stream()
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
            throw ProblemException.invalid("A move to " + to.code() + " needs more details", missing);
        }
        Instant now = Instant.now();
        apply(referral, to, request, now);
        writer.history(referral, from.code(), caller, now);
        outbox.record(ReferralEventType.forStatus(to), referral, now);
        accessLog.record("status-change", referral, caller, AccessLog.OK);
        em.flush();
        return new Versioned<>(access.view(referral, caller), referral.version);
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
        Referral referral = access.visible(id, caller, "consent-withdrawal", true);
        if (ReferralStatus.CANCELLED.code().equals(referral.status) && "consent-withdrawn".equals(referral.reasonCode)
                && referral.detailsErased()) {
            return new Versioned<>(access.view(referral, caller), referral.version);
        }
        accessLog.record("consent-withdrawal", referral, caller, AccessLog.OK);
        Instant now = Instant.now();
        String from = referral.status;
        // Erased first, so that the cancellation's own words (ours, not the client's) stay in the history.
        writer.eraseClientDetails(referral, now, "consent-withdrawn");
        if (!referral.currentStatus().isClosed()) {
            referral.status = ReferralStatus.CANCELLED.code();
            referral.reasonCode = "consent-withdrawn";
            referral.reasonText = "The client withdrew consent";
            referral.closedAt = now;
            writer.history(referral, from, caller, now);
        }
        outbox.record(ReferralEventType.CONSENT_WITHDRAWN, referral, now);
        em.flush();
        return new Versioned<>(access.view(referral, caller), referral.version);
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
                        : ProblemException.invalid("partnerId", "is not one of the alternative routes"));
        if (!rejected.consent.coversPartnerKind(next.partnerKind())) {
            throw ProblemException.invalid("partnerId", "the client's consent does not cover partner kind "
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
}
