package nl.zorgpad.referral.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import nl.zorgpad.commons.outbox.OutboxPublisher;
import nl.zorgpad.referral.config.ReferralConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes the outbox to {@code referral-events} every {@code zorgpad.referral.outbox.interval}, keyed by referral id, so
 * each referral's events arrive in order (how: {@link OutboxPublisher}).
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxPublisher publisher;

    public OutboxRelay(EntityManager em, ReferralConfig config, MeterRegistry metrics, OpenTelemetry telemetry,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.publisher = new OutboxPublisher(em, metrics, telemetry, new OutboxPublisher.Settings(bootstrapServers,
                config.outbox().topic(), "aggregate_id", config.outbox().batchSize(), config.outbox().ackTimeout(),
                "referral-service-outbox", "referral"));
    }

    @Scheduled(every = "${zorgpad.referral.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        publisher.relayPending();
    }

    /** Removes the events Kafka acknowledged before {@code cutoff}, in the caller's transaction. */
    public int removePublishedBefore(Instant cutoff) {
        return publisher.removePublishedBefore(cutoff);
    }

    @PreDestroy
    void close() {
        publisher.close();
    }
}
