package nl.zorgpad.referral.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.domain.Party;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.domain.StatusMachine;

/**
 * Who may see a referral and what they see of it, the rule every use case on one referral applies first: only its
 * two ends (the referring practice, the receiving partner) see it; anyone else gets the same 404 as for a referral
 * that does not exist, and the refused look is logged.
 */
@ApplicationScoped
public class ReferralAccess {

    private final EntityManager em;
    private final AccessLog accessLog;
    private final ZoneId zone;

    public ReferralAccess(EntityManager em, AccessLog accessLog, ZoneId zone) {
        this.em = em;
        this.accessLog = accessLog;
        this.zone = zone;
    }

    public static String location(UUID id) {
        return "/api/referrals/" + id;
    }

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

    /**
     * The referral {@code id} if the caller is one of its ends (locked for the rest of the transaction when
     * {@code forUpdate}); 404 otherwise, with the refusal logged as {@code event}. Runs in the caller's transaction.
     */
    Referral visible(UUID id, Caller caller, String event, boolean forUpdate) {
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

    /** The referral as the caller sees it, with the moves open to the caller's end. */
    ReferralView view(Referral referral, Caller caller) {
        Party party = partyOf(referral, caller).orElseThrow();
        return ReferralView.of(referral, showsSafeContact(referral, caller, party),
                StatusMachine.allowedFor(referral.currentStatus(), party), today());
    }

    /** Today in the configured zone, the day deadlines and working days are counted from. */
    LocalDate today() {
        return LocalDate.now(zone);
    }
}
