package nl.zorgpad.referral.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgpad.referral.config.ReferralConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka in sequence order, keyed by referral id, with an idempotent producer (acks=all).
 * A row is marked sent only after the broker acknowledged it. When the broker is away the rows simply wait. A
 * referral's next event is handed to the producer only once its previous one was acknowledged, so one referral's
 * events can never overtake each other, not even around an outage (at worst one is delivered twice, when an
 * acknowledgement was lost: consumers de-duplicate by event id).
 * One relay runs at a time across instances (a PostgreSQL advisory lock).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x52454C4159L;

    private final EntityManager em;
    private final ReferralConfig config;
    private final String bootstrapServers;
    private final AtomicLong waiting = new AtomicLong();
    private final Counter published;
    private Producer<String, String> producer;

    public OutboxRelay(EntityManager em, ReferralConfig config, MeterRegistry metrics,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.em = em;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        Gauge.builder("referral.outbox.waiting", waiting, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka (after the last relay run)")
                .register(metrics);
        this.published = Counter.builder("referral.outbox.published")
                .description("Events published to Kafka and marked sent").register(metrics);
    }

    @Scheduled(every = "${referral.outbox.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay run failed, will retry: %s", e.getMessage());
        }
    }

    /** Publishes what is waiting; returns how many events were marked sent. */
    public synchronized int publishPending() {
        return QuarkusTransaction.requiringNew().timeout(120).call(this::publishBatch);
    }

    @SuppressWarnings("unchecked")
    private int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        List<OutboxEvent> pending = em.createQuery(
                        "FROM OutboxEvent WHERE sentAt IS NULL ORDER BY seq", OutboxEvent.class)
                .setMaxResults(config.outbox().batchSize()).getResultList();
        if (pending.isEmpty()) {
            waiting.set(0);
            return 0;
        }
        // Round r sends the r-th waiting event of every referral whose earlier events were acknowledged, so a later
        // event of a referral is never on its way while an earlier one may still fail (an expired batch lets the
        // idempotent producer move on, which would let the later one overtake it).
        Map<UUID, List<OutboxEvent>> byReferral = new LinkedHashMap<>();
        for (OutboxEvent event : pending) {
            byReferral.computeIfAbsent(event.aggregateId, id -> new ArrayList<>()).add(event);
        }
        Producer<String, String> kafka = producer();
        long deadline = System.nanoTime() + config.outbox().ackTimeout().toNanos();
        Set<UUID> failed = new HashSet<>();
        List<Long> sent = new ArrayList<>();
        boolean brokerAway = false;
        for (int round = 0; !brokerAway; round++) {
            List<OutboxEvent> wave = new ArrayList<>();
            for (Map.Entry<UUID, List<OutboxEvent>> referral : byReferral.entrySet()) {
                if (!failed.contains(referral.getKey()) && referral.getValue().size() > round) {
                    wave.add(referral.getValue().get(round));
                }
            }
            if (wave.isEmpty()) {
                break;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            for (OutboxEvent event : wave) {
                try {
                    acks.add(kafka.send(new ProducerRecord<>(config.outbox().topic(), event.aggregateId.toString(),
                            event.payload)));
                } catch (RuntimeException e) {
                    // The broker is unreachable (no metadata in time): send nothing more this run.
                    brokerAway = true;
                    break;
                }
            }
            kafka.flush();
            for (int i = 0; i < wave.size(); i++) {
                OutboxEvent event = wave.get(i);
                if (i < acks.size() && awaitAck(acks.get(i), deadline)) {
                    sent.add(event.seq);
                } else {
                    failed.add(event.aggregateId);
                }
            }
        }
        if (!failed.isEmpty()) {
            LOG.warnf("Kafka did not acknowledge events of %d referral(s); they stay in the outbox", failed.size());
            resetProducer();
        }
        if (!sent.isEmpty()) {
            em.createQuery("UPDATE OutboxEvent SET sentAt = :now WHERE seq IN :seqs")
                    .setParameter("now", Instant.now()).setParameter("seqs", sent).executeUpdate();
        }
        published.increment(sent.size());
        waiting.set(((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
                .getSingleResult()).longValue());
        return sent.size();
    }

    private static boolean awaitAck(Future<RecordMetadata> ack, long deadline) {
        if (ack == null) {
            return false;
        }
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "referral-service-outbox");
            long timeout = config.outbox().ackTimeout().toMillis();
            long request = Math.max(1000, Math.min(timeout / 2, 5000));
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(request));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(request));
            props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(timeout, request + 10)));
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    private void resetProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
