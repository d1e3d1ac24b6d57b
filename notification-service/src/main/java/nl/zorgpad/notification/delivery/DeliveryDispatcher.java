package nl.zorgpad.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.service.NotificationsCommitted;
import org.jboss.logging.Logger;

/**
 * Runs the dispatch rounds. A round is one transaction that records the outcomes of the attempts finished since the
 * last round ({@link DeliveryOutcomes}) and claims the deliveries that are due ({@link DeliveryClaims}); the claimed
 * ones are then sent on a worker pool without a transaction ({@link DeliverySender}), and their outcomes wait for the
 * next round. A crash while sending leaves the lease to expire, so the delivery is tried again. Per webhook up to
 * {@code claimAheadPerEndpoint} deliveries are claimed ahead and at most {@code maxConcurrencyPerEndpoint} requests
 * are in flight (see {@link EndpointLane}), so one slow receiver does not hold up the others. Rounds run after each
 * committed batch of events (low latency) and on a timer (retries); they never overlap within an instance and take
 * turns across replicas.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final NotificationConfig config;
    private final DeliveryClaims claims;
    private final DeliveryAttempts attempts;
    private final DeliverySender sender;
    private final DeliveryOutcomes outcomes;
    private final Map<String, EndpointLane> lanes = new ConcurrentHashMap<>();
    /** Attempts sent and not yet recorded; the next round records them. */
    private final Queue<Finished> finished = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService coordinator;
    private final ExecutorService workers;

    public DeliveryDispatcher(NotificationConfig config, DeliveryClaims claims, DeliveryAttempts attempts,
                              DeliverySender sender, DeliveryOutcomes outcomes) {
        this.config = config;
        this.claims = claims;
        this.attempts = attempts;
        this.sender = sender;
        this.outcomes = outcomes;
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
                    sent = round();
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
    private int round() {
        List<Finished> done = new ArrayList<>();
        for (Finished f = finished.poll(); f != null; f = finished.poll()) {
            done.add(f);
        }
        List<Claimed> claimed = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                claims.beginRound();
                done.forEach(f -> outcomes.record(f.attempt(), f.result()));
                claims.flush();
                claim(claimed);
            });
        } catch (RuntimeException e) {
            claimed.forEach(c -> c.lane().cancel()); // the claim was rolled back: give the lanes their room back
            if (!done.isEmpty()) {
                LOG.warnf("Could not record %d delivery attempts; their leases expire and they are tried again",
                        done.size());
            }
            throw e;
        }
        for (Claimed c : claimed) {
            c.lane().submit(() -> send(c.attempt()));
        }
        return claimed.size();
    }

    private void claim(List<Claimed> claimed) {
        Instant now = Timestamps.now();
        List<String> busy = new ArrayList<>();
        lanes.forEach((key, lane) -> {
            if (lane.full()) {
                busy.add(key);
            }
        });
        for (Delivery delivery : claims.due(now, busy)) {
            EndpointLane lane = lanes.computeIfAbsent(DeliveryClaims.laneKey(delivery), k -> new EndpointLane(
                    config.webhook().maxConcurrencyPerEndpoint(), config.dispatch().claimAheadPerEndpoint(), workers,
                    this::wake));
            if (!lane.reserve()) {
                continue; // stays due; taken when the lane has room again (a finished send wakes the dispatcher)
            }
            claims.lease(delivery, now);
            claimed.add(new Claimed(attempts.prepare(delivery), lane));
        }
    }

    private void send(DeliveryAttempt attempt) {
        // Recorded by the next round, together with other outcomes and the next claim: one transaction per round
        // instead of one per attempt. Until then the lease keeps the delivery from being sent again, and the
        // referral's later deliveries to the same receiver wait.
        finished.add(new Finished(attempt, sender.send(attempt)));
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

    private static ThreadFactory named(String prefix) {
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
