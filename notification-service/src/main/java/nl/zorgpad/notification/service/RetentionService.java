package nl.zorgpad.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import nl.zorgpad.commons.problem.DatabaseOutage;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.domain.Timestamps;
import org.jboss.logging.Logger;

/**
 * Keeps the delivery log and the idempotency ledger from growing forever: delivered deliveries and processed event
 * ids older than {@code zorgpad.notification.retention.keep} (30 days) are removed. Pending and dead deliveries stay
 * (the queue, and the log from which a dead one is retried); inbox items stay (they are the organisation's inbox).
 *
 * <p>An event id only guards against a redelivery from Kafka, and Kafka can only redeliver what is still on the
 * topic: {@code referral-events} keeps records for 7 days (broker default) and a consumer group's offsets for 7 days
 * too. Thirty days is well past both, so a removed id can no longer come back; the setting must stay above the
 * topic's retention if that is ever raised.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

    public record Removed(int deliveries, int eventIds) {
    }

    private final EntityManager em;
    private final NotificationConfig config;

    public RetentionService(EntityManager em, NotificationConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(every = "${zorgpad.notification.retention.interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        DatabaseOutage.runScheduled("Retention", () -> {
            Removed removed = removeOlderThan(Timestamps.now().minus(config.retention().keep()));
            if (removed.deliveries() > 0 || removed.eventIds() > 0) {
                LOG.infof("Retention removed %d delivered deliveries and %d processed event ids",
                        removed.deliveries(), removed.eventIds());
            }
        });
    }

    @Transactional
    public Removed removeOlderThan(Instant before) {
        int deliveries = em.createNativeQuery(
                        "DELETE FROM delivery WHERE status = 'DELIVERED' AND delivered_at < ?1")
                .setParameter(1, before).executeUpdate();
        int eventIds = em.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, before).executeUpdate();
        return new Removed(deliveries, eventIds);
    }
}
