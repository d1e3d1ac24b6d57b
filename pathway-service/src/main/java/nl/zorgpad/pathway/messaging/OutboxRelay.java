package nl.zorgpad.pathway.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import nl.zorgpad.pathway.config.PathwayConfig;
import nl.zorgpad.pathway.domain.OutboxEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events to Kafka in the order they were written, keyed by region, with an idempotent producer,
 * and marks each sent. Rows are locked with SKIP LOCKED so several instances can run the relay; a failed send
 * leaves the event unsent for the next run (at-least-once; consumers deduplicate on the CloudEvent id). Published
 * events are removed after {@code pathway.outbox.keep-published}, so the table holds a week of history and whatever
 * is still waiting, not every event ever sent.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EntityManager em;
    private final PathwayConfig config;
    private final String bootstrapServers;
    private Producer<String, String> producer;

    public OutboxRelay(EntityManager em, PathwayConfig config,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    @Scheduled(every = "${pathway.outbox.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            int sent;
            do {
                sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
            } while (sent == config.outbox().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish, will retry: %s", e.getMessage());
            closeProducer();
        }
    }

    @Scheduled(every = "${pathway.outbox.cleanup-every}", concurrentExecution =
            Scheduled.ConcurrentExecution.SKIP)
    void removeOldPublished() {
        int removed = QuarkusTransaction.requiringNew().call(() -> removePublishedBefore(
                Instant.now().minus(config.outbox().keepPublished())));
        if (removed > 0) {
            LOG.infof("Removed %d published outbox events older than %s", removed, config.outbox().keepPublished());
        }
    }

    /** Removes events published before {@code cutoff}, inside the current transaction; never an unpublished one. */
    int removePublishedBefore(Instant cutoff) {
        return em.createNativeQuery("delete from outbox_event where sent_at is not null and sent_at < :cutoff")
                .setParameter("cutoff", cutoff).executeUpdate();
    }

    /** Sends one batch inside the current transaction; returns how many events were sent. */
    int relayBatch() {
        @SuppressWarnings("unchecked")
        List<OutboxEvent> events = em.createNativeQuery("select * from outbox_event where sent_at is null"
                        + " order by created_at, id limit :limit for update skip locked", OutboxEvent.class)
                .setParameter("limit", config.outbox().batchSize()).getResultList();
        for (OutboxEvent event : events) {
            try {
                producer().send(new ProducerRecord<>(config.outbox().topic(), event.regionId, event.payload))
                        .get(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while publishing", e);
            } catch (Exception e) {
                throw new IllegalStateException("Publishing event " + event.id + " failed: " + e.getMessage(), e);
            }
            event.sentAt = Instant.now();
        }
        return events.size();
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
            props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "pathway-service-outbox");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
            producer = null;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        closeProducer();
    }
}
