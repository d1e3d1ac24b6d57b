package nl.zorgpad.pathway.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import nl.zorgpad.commons.outbox.OutboxPublisher;
import nl.zorgpad.pathway.config.PathwayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to {@code pathway-events} every {@code zorgpad.pathway.outbox.interval}, keyed by region, so
 * each region's events arrive in order (how: {@link OutboxPublisher}). Published events are removed after
 * {@code zorgpad.pathway.outbox.keep-published}, so the table holds a week of history and whatever is still waiting,
 * not every event ever sent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxPublisher publisher;
    private final PathwayConfig config;

    public OutboxRelay(EntityManager em, PathwayConfig config, MeterRegistry metrics, OpenTelemetry telemetry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.publisher = new OutboxPublisher(em, metrics, telemetry, new OutboxPublisher.Settings(bootstrapServers,
                config.outbox().topic(), "region_id", config.outbox().batchSize(), config.outbox().ackTimeout(),
                "pathway-service-outbox", "pathway"));
    }

    @Scheduled(every = "${zorgpad.pathway.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        publisher.relayPending();
    }

    @Scheduled(every = "${zorgpad.pathway.outbox.cleanup-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void removeOldPublished() {
        int removed = QuarkusTransaction.requiringNew().call(() -> removePublishedBefore(
                Instant.now().minus(config.outbox().keepPublished())));
        if (removed > 0) {
            LOG.infof("Removed %d published outbox events older than %s", removed, config.outbox().keepPublished());
        }
    }

    /** Removes events published before {@code cutoff}, inside the current transaction; never an unpublished one. */
    int removePublishedBefore(Instant cutoff) {
        return publisher.removePublishedBefore(cutoff);
    }

    @PreDestroy
    void close() {
        publisher.close();
    }
}
