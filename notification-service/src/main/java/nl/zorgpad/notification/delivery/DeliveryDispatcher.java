package nl.zorgpad.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.Partner;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.domain.WebhookEndpoint;
import nl.zorgpad.notification.service.NotificationsCommitted;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. The queue is the {@code delivery} table: due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased (their next attempt moved past the send), sent on a worker pool
 * without holding a transaction, and the outcome recorded by the next round (one transaction per round records
 * what finished and claims what is due). A crash while sending leaves the lease to expire, so
 * the delivery is tried again. Per webhook up to {@code claimAheadPerEndpoint} deliveries are claimed ahead and at most
 * {@code maxConcurrencyPerEndpoint} requests are in flight (see {@link EndpointLane}), so one slow receiver does
 * not hold up the others, and at most one per webhook and referral, taken oldest first, so a
 * receiver gets one referral's events in order (a retry waits for its backoff without holding up the referral's
 * later events). That rule lives in the database ({@code leased_until}, and rounds of all replicas take turns on an
 * advisory lock), so it holds across replicas too. Runs after each committed batch of events (low latency) and on a
 * timer (retries).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final String EMAIL_KEY = "email";
    private static final String NOTHING_BUSY = "-";
    /** The advisory lock a round holds: rounds of all replicas take turns, so their claims see each other's leases. */
    private static final long ROUND_LOCK = "notification:delivery-dispatch".hashCode();

    private final NotificationConfig config;
    private final EntityManager em;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final Map<String, EndpointLane> lanes = new ConcurrentHashMap<>();
    /** Attempts sent and not yet recorded; the next round records them. */
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService coordinator;
    private final ExecutorService workers;

    public DeliveryDispatcher(NotificationConfig config, EntityManager em, WebhookSender webhooks,
                              EmailSender emails, DeliveryMetrics metrics, ObjectMapper json) {
        this.config = config;
        this.em = em;
        this.webhooks = webhooks;
        this.emails = emails;
        this.metrics = metrics;
        this.json = json;
        this.backoff = new Backoff(config.retry().base(), config.retry().cap(), config.retry().jitter(),
                config.retry().maxAge(), () -> ThreadLocalRandom.current().nextDouble());
        this.coordinator = Executors.newSingleThreadExecutor(named("delivery-dispatch"));
        this.workers = Executors.newFixedThreadPool(config.dispatch().threads(), named("delivery-send"));
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCommitted committed) {
        if (committed.deliveries() > 0) {
            wake();
        }
    }

    @Scheduled(every = "${zorgpad.notification.dispatch.interval}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Asks for a dispatch round; rounds never overlap, and a request during a round causes one more. */
    public void wake() {
        if (stopping.get()) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                coordinator.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false); // shutting down
            }
        }
    }

    private void drain() {
        try {
            while (!stopping.get() && again.getAndSet(false)) {
                int sent;
                do {
                    sent = dispatchBatch();
                } while (sent >= config.dispatch().batchSize() && !stopping.get());
            }
        } catch (RuntimeException e) {
            LOG.warn("Dispatch round failed; the next round retries", e);
        } finally {
            running.set(false);
            if (again.get()) {
                wake();
            }
        }
    }

    /** One round: the outcomes of finished attempts are recorded and due deliveries claimed, in one transaction. */
    private int dispatchBatch() {
        List<Finished> outcomes = new ArrayList<>();
        for (Finished f = finished.poll(); f != null; f = finished.poll()) {
            outcomes.add(f);
        }
        List<Claimed> claimed = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                relaxDurability();
                em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, ROUND_LOCK)
                        .getSingleResult();
                outcomes.forEach(f -> record(f.attempt(), f.result()));
                em.flush(); // the claim's query must see the leases these outcomes end
                claim(claimed);
            });
        } catch (RuntimeException e) {
            claimed.forEach(c -> c.lane().cancel()); // undo the reservations of a claim that was rolled back
            if (!outcomes.isEmpty()) {
                LOG.warnf("Could not record %d delivery attempts; their leases expire and they are tried again",
                        outcomes.size());
            }
            throw e;
        }
        for (Claimed c : claimed) {
            c.lane().submit(() -> attempt(c));
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private void claim(List<Claimed> claimed) {
        Instant now = Timestamps.now();
        // Endpoints with a full lane are left out, so their backlog neither blocks others nor is postponed.
        List<String> busy = new ArrayList<>(List.of(NOTHING_BUSY));
        lanes.forEach((key, lane) -> {
            if (lane.full()) {
                busy.add(key);
            }
        });
        // A delivery waits while an earlier one of its referral to the same receiver is being sent (leased), by
        // this instance or another.
        List<Delivery> due = em.createNativeQuery("""
                SELECT * FROM delivery d WHERE status = 'PENDING' AND next_attempt_at <= :now
                AND COALESCE(CAST(endpoint_id AS VARCHAR), 'email') NOT IN (:busy)
                AND NOT EXISTS (SELECT 1 FROM delivery sending WHERE sending.referral_id = d.referral_id
                    AND sending.channel = d.channel AND sending.target = d.target
                    AND sending.endpoint_id IS NOT DISTINCT FROM d.endpoint_id
                    AND sending.status = 'PENDING' AND sending.leased_until > :now)
                ORDER BY next_attempt_at, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter("now", now).setParameter("limit", config.dispatch().batchSize())
                .setParameter("busy", busy)
                .getResultList();
        Set<String> referralsClaimed = new HashSet<>();
        for (Delivery delivery : due) {
            String key = delivery.channel == Delivery.Channel.EMAIL ? EMAIL_KEY : String.valueOf(
                    delivery.endpointId);
            if (!referralsClaimed.add(key + " " + delivery.target + " " + delivery.referralId)) {
                continue; // stays due; taken when the referral's earlier delivery is done (which wakes us)
            }
            EndpointLane lane = lanes.computeIfAbsent(key, k -> new EndpointLane(
                    config.webhook().maxConcurrencyPerEndpoint(), config.dispatch().claimAheadPerEndpoint(), workers,
                    this::wake));
            if (!lane.reserve()) {
                continue; // stays due; taken when the lane has room again (a finished send wakes the dispatcher)
            }
            claimed.add(new Claimed(toAttempt(delivery), lane));
            delivery.nextAttemptAt = now.plus(config.dispatch().lease());
            delivery.leasedUntil = delivery.nextAttemptAt;
            delivery.updatedAt = now;
        }
    }

    private DeliveryAttempt toAttempt(Delivery delivery) {
        String secret = null;
        String partnerName = null;
        if (delivery.channel == Delivery.Channel.WEBHOOK && delivery.endpointId != null) {
            WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
            secret = endpoint == null ? null : endpoint.secret;
        } else {
            partnerName = partnerName(delivery.payload);
        }
        return new DeliveryAttempt(delivery.id, delivery.channel, delivery.target, secret, delivery.eventId,
                delivery.eventType, delivery.referralId, delivery.payload, partnerName);
    }

    private String partnerName(String payload) {
        try {
            JsonNode partnerId = json.readTree(payload).path("data").path("partnerId");
            if (partnerId.isTextual()) {
                Partner partner = Partner.findById(partnerId.asText());
                return partner == null ? null : partner.name;
            }
        } catch (Exception e) {
            LOG.debug("No partner name for an e-mail", e);
        }
        return null;
    }

    private void attempt(Claimed claimed) {
        DeliveryAttempt attempt = claimed.attempt();
        DeliveryAttempt.Result result;
        try {
            result = attempt.channel() == Delivery.Channel.WEBHOOK ? webhooks.send(attempt) : emails.send(attempt);
        } catch (RuntimeException e) {
            LOG.warn("Delivery attempt failed unexpectedly", e);
            result = DeliveryAttempt.Result.failed(null, "internal error");
        }
        // Recorded by the next dispatch round, together with other outcomes and the next claim: one transaction per
        // round instead of one per attempt. Until then the lease keeps the delivery from being sent again, and the
        // referral's later deliveries to the same receiver wait.
        finished.add(new Finished(attempt, result));
    }

    private void record(DeliveryAttempt attempt, DeliveryAttempt.Result result) {
        Delivery delivery = Delivery.findById(attempt.deliveryId());
        if (delivery == null || delivery.status != Delivery.Status.PENDING) {
            return;
        }
        Instant now = Timestamps.now();
        delivery.leasedUntil = null;
        delivery.attempts++;
        delivery.lastStatusCode = result.statusCode();
        delivery.updatedAt = now;
        if (result.delivered()) {
            delivery.status = Delivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            metrics.count(delivery.channel, "delivered");
            return;
        }
        delivery.lastError = result.error();
        Optional<Instant> next = result.permanent() ? Optional.empty()
                : backoff.nextAttempt(delivery.attempts, now, delivery.windowStartAt);
        if (next.isPresent()) {
            delivery.nextAttemptAt = next.get();
            metrics.count(delivery.channel, "retried");
        } else {
            delivery.status = Delivery.Status.DEAD;
            delivery.nextAttemptAt = null;
            metrics.count(delivery.channel, "dead");
        }
    }

    /**
     * Claims and outcomes need no synchronous WAL flush: if PostgreSQL loses the last moments of them in a crash,
     * the lease runs out and the delivery is sent again, which receivers drop on its {@code webhook-id}. The
     * consumer's transaction (event id, inbox, deliveries) stays fully durable.
     */
    private void relaxDurability() {
        em.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
    }

    /**
     * Stops dispatching before the database goes away (a shutdown event comes before the persistence unit closes):
     * a round in progress may finish, sends in flight keep their leases and are tried again after a restart.
     */
    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.set(true);
        coordinator.shutdown();
        if (!coordinator.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("A dispatch round did not finish within 5 s of shutdown; its leases expire and it is redone");
        }
    }

    @PreDestroy
    void stop() {
        coordinator.shutdownNow();
        workers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private record Finished(DeliveryAttempt attempt, DeliveryAttempt.Result result) {
    }

    private record Claimed(DeliveryAttempt attempt, EndpointLane lane) {
    }
}
