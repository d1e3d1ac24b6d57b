package nl.zorgpad.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
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
 * without holding a transaction, and the outcome recorded. A crash while sending leaves the lease to expire, so
 * the delivery is tried again. At most {@code maxConcurrencyPerEndpoint} requests are in flight per webhook, so one
 * slow receiver does not hold up the others. Runs after each committed event (low latency) and on a timer
 * (retries).
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);
    private static final String EMAIL_KEY = "email";
    private static final String NOTHING_BUSY = "-";

    private final NotificationConfig config;
    private final EntityManager em;
    private final WebhookSender webhooks;
    private final EmailSender emails;
    private final DeliveryMetrics metrics;
    private final ObjectMapper json;
    private final Backoff backoff;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
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
        again.set(true);
        if (running.compareAndSet(false, true)) {
            coordinator.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                int sent;
                do {
                    sent = dispatchBatch();
                } while (sent >= config.dispatch().batchSize());
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

    private int dispatchBatch() {
        List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
        for (Claimed c : claimed) {
            workers.execute(() -> attempt(c));
        }
        return claimed.size();
    }

    @SuppressWarnings("unchecked")
    private List<Claimed> claim() {
        relaxDurability();
        Instant now = Timestamps.now();
        // Endpoints with all permits in use are left out, so their backlog neither blocks others nor is postponed.
        List<String> busy = new ArrayList<>(List.of(NOTHING_BUSY));
        inFlight.forEach((key, permits) -> {
            if (permits.availablePermits() == 0) {
                busy.add(key);
            }
        });
        List<Delivery> due = em.createNativeQuery("""
                SELECT * FROM delivery WHERE status = 'PENDING' AND next_attempt_at <= :now
                AND COALESCE(CAST(endpoint_id AS VARCHAR), 'email') NOT IN (:busy)
                ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""", Delivery.class)
                .setParameter("now", now).setParameter("limit", config.dispatch().batchSize())
                .setParameter("busy", busy)
                .getResultList();
        List<Claimed> claimed = new ArrayList<>();
        try {
            for (Delivery delivery : due) {
                String key = delivery.channel == Delivery.Channel.EMAIL ? EMAIL_KEY : String.valueOf(
                        delivery.endpointId);
                Semaphore permits = inFlight.computeIfAbsent(key,
                        k -> new Semaphore(config.webhook().maxConcurrencyPerEndpoint()));
                if (!permits.tryAcquire()) {
                    continue; // stays due; taken when a permit is released (which wakes the dispatcher)
                }
                claimed.add(new Claimed(toAttempt(delivery, key), permits));
                delivery.nextAttemptAt = now.plus(config.dispatch().lease());
                delivery.updatedAt = now;
            }
        } catch (RuntimeException e) {
            claimed.forEach(c -> c.permits().release());
            throw e;
        }
        return claimed;
    }

    private DeliveryAttempt toAttempt(Delivery delivery, String key) {
        String secret = null;
        String partnerName = null;
        if (delivery.channel == Delivery.Channel.WEBHOOK && delivery.endpointId != null) {
            WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
            secret = endpoint == null ? null : endpoint.secret;
        } else {
            partnerName = partnerName(delivery.payload);
        }
        return new DeliveryAttempt(delivery.id, delivery.channel, key, delivery.target, secret, delivery.eventId,
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
        try {
            DeliveryAttempt.Result result;
            try {
                result = attempt.channel() == Delivery.Channel.WEBHOOK ? webhooks.send(attempt) : emails.send(attempt);
            } catch (RuntimeException e) {
                LOG.warn("Delivery attempt failed unexpectedly", e);
                result = DeliveryAttempt.Result.failed(null, "internal error");
            }
            DeliveryAttempt.Result outcome = result;
            QuarkusTransaction.requiringNew().run(() -> record(attempt, outcome));
        } catch (RuntimeException e) {
            LOG.warn("Could not record a delivery attempt; the lease expires and it is tried again", e);
        } finally {
            claimed.permits().release();
            wake();
        }
    }

    private void record(DeliveryAttempt attempt, DeliveryAttempt.Result result) {
        relaxDurability();
        Delivery delivery = Delivery.findById(attempt.deliveryId());
        if (delivery == null || delivery.status != Delivery.Status.PENDING) {
            return;
        }
        Instant now = Timestamps.now();
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

    private record Claimed(DeliveryAttempt attempt, Semaphore permits) {
    }
}
