package nl.zorgpad.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.domain.Delivery;

/**
 * The delivery queue in the database, inside a dispatch round's transaction: the round lock that the rounds of all
 * replicas take turns on, the due deliveries ({@code FOR UPDATE SKIP LOCKED}) and their lease. A delivery waits
 * while an earlier one of its referral to the same receiver is leased (being sent, by this instance or another), so
 * a receiver gets one referral's events one after the other, oldest first.
 */
@ApplicationScoped
public class DeliveryClaims {

    /** The lane key of every e-mail delivery; a webhook's is its endpoint id. */
    static final String EMAIL_KEY = "email";
    private static final String NOTHING_BUSY = "-";
    /** The advisory lock a round holds: rounds of all replicas take turns, so their claims see each other's leases. */
    private static final long ROUND_LOCK = "notification:delivery-dispatch".hashCode();

    private final EntityManager em;
    private final NotificationConfig config;

    public DeliveryClaims(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Starts a round in the current transaction: waits for the rounds of other replicas and, since claims and outcomes
     * need no synchronous WAL flush, relaxes it: if PostgreSQL loses the last moments of them in a crash, the lease
     * runs out and the delivery is sent again, which receivers drop on its {@code webhook-id}. The consumer's
     * transaction (event id, inbox, deliveries) stays fully durable.
     */
    void beginRound() {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ROUND_LOCK).getSingleResult();
    }

    /** Makes the outcomes recorded so far visible to {@link #due}: they end leases that held deliveries back. */
    void flush() {
        em.flush();
    }

    /**
     * Due deliveries, oldest first, at most one per receiver and referral, locked for this transaction. Those of the
     * lanes in {@code busy} (full) are left out, so their backlog neither blocks others nor is postponed.
     */
    @SuppressWarnings("unchecked")
    List<Delivery> due(Instant now, Collection<String> busy) {
        List<String> excluded = new ArrayList<>(busy);
        excluded.add(NOTHING_BUSY); // NOT IN () is not valid SQL
        List<Delivery> rows = em.createNativeQuery("""
                SELECT * FROM delivery d WHERE status = 'PENDING' AND next_attempt_at <= :now
                AND COALESCE(CAST(endpoint_id AS VARCHAR), 'email') NOT IN (:busy)
                AND NOT EXISTS (SELECT 1 FROM delivery sending WHERE sending.referral_id = d.referral_id
                    AND sending.channel = d.channel AND sending.target = d.target
                    AND sending.endpoint_id IS NOT DISTINCT FROM d.endpoint_id
                    AND sending.status = 'PENDING' AND sending.leased_until > :now)
                ORDER BY next_attempt_at, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter("now", now).setParameter("limit", config.dispatch().batchSize())
                .setParameter("busy", excluded)
                .getResultList();
        // A referral's later delivery to the same receiver stays due; it is taken when the earlier one is done.
        Set<String> referrals = new HashSet<>();
        return rows.stream()
                .filter(d -> referrals.add(laneKey(d) + " " + d.target + " " + d.referralId))
                .toList();
    }

    /** Leases a claimed delivery: no round claims it again until it is recorded or the lease runs out. */
    void lease(Delivery delivery, Instant now) {
        delivery.nextAttemptAt = now.plus(config.dispatch().lease());
        delivery.leasedUntil = delivery.nextAttemptAt;
        delivery.updatedAt = now;
    }

    /** The lane a delivery is sent in: its webhook, or the one lane of all e-mail. */
    static String laneKey(Delivery delivery) {
        return delivery.channel == Delivery.Channel.EMAIL ? EMAIL_KEY : String.valueOf(delivery.endpointId);
    }
}
