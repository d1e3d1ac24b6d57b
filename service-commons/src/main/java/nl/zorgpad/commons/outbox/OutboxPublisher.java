package nl.zorgpad.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import nl.zorgpad.commons.tracing.EventTrace;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes a service's transactional outbox to Kafka: the table {@code outbox_event} with at least {@code seq}
 * (the order of writing), {@code payload} (a structured CloudEvent), {@code sent_at}, and the column that is the
 * record key ({@link Settings#keyColumn()}). Each service's scheduled {@code OutboxRelay} drives one of these.
 * <p>
 * Events go out in {@code seq} order with an idempotent producer (acks=all), and a row is marked sent only after the
 * broker acknowledged it; while the broker is away the rows simply wait. An event is handed to the producer only once
 * the previous event with the same key was acknowledged, so events of one key never overtake each other, not even
 * around an outage (at worst one is delivered twice, when an acknowledgement was lost: consumers de-duplicate on the
 * CloudEvent id). One publisher runs at a time across a service's instances (a PostgreSQL advisory lock per topic).
 * <p>
 * Each send is a PRODUCER span continuing the trace the event was written in (its CloudEvent's {@code traceparent},
 * see {@link OutboxWriter}), or a new trace for an event without one; the span's context goes along in the record's
 * headers, as the Kafka instrumentation of the consumers expects it.
 * <p>
 * Not a bean: the services construct it, each with its own settings.
 */
public final class OutboxPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);
    private static final Pattern COLUMN = Pattern.compile("[a-z_]+");
    private static final TextMapSetter<Headers> HEADERS = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    /**
     * @param topic       the Kafka topic
     * @param keyColumn   the outbox column whose value is the record key (events with one key keep their order)
     * @param batchSize   the most events one run publishes
     * @param ackTimeout  how long a run waits for the broker to acknowledge its events
     * @param clientId    the producer's client id (shows in the broker's logs and metrics)
     * @param meterPrefix names this service's meters {@code <prefix>.outbox.published} and {@code .waiting}
     */
    public record Settings(String bootstrapServers, String topic, String keyColumn, int batchSize,
                           Duration ackTimeout, String clientId, String meterPrefix) {

        public Settings {
            if (!COLUMN.matcher(keyColumn).matches()) {
                throw new IllegalArgumentException("Not a column name: " + keyColumn);
            }
        }
    }

    private final EntityManager em;
    private final Settings settings;
    private final long lockId;
    private final AtomicLong waiting = new AtomicLong();
    private final Counter published;
    private final Counter failedRuns;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private Producer<String, String> producer;

    /**
     * {@code em} is the service's (transaction-scoped) entity manager; each run starts a transaction of its own.
     * {@code telemetry} makes the producer spans and writes their context into the record headers (a no-op one when
     * tracing is off).
     */
    public OutboxPublisher(EntityManager em, MeterRegistry metrics, OpenTelemetry telemetry, Settings settings) {
        this.em = em;
        this.settings = settings;
        this.tracer = telemetry.getTracer(OutboxPublisher.class.getName());
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.lockId = lockId(settings.topic());
        Gauge.builder(settings.meterPrefix() + ".outbox.waiting", waiting, AtomicLong::get)
                .description("Events in the outbox not yet acknowledged by Kafka (after the last relay run)")
                .register(metrics);
        this.published = Counter.builder(settings.meterPrefix() + ".outbox.published")
                .description("Events published to Kafka and marked sent").register(metrics);
        this.failedRuns = Counter.builder(settings.meterPrefix() + ".outbox.failed.runs")
                .description("Relay batches in which Kafka did not acknowledge every event sent (they stay waiting)")
                .register(metrics);
    }

    /**
     * The PostgreSQL advisory lock a run holds while it publishes to {@code topic}: whoever holds it (another
     * instance's relay) makes the others' runs publish nothing.
     */
    public static long lockId(String topic) {
        return ("outbox:" + topic).hashCode();
    }

    /**
     * Publishes what is waiting, a batch per transaction, until a batch is not full (all sent, the broker away, or
     * another instance publishing); returns how many events were marked sent.
     */
    public synchronized int publishPending() {
        int total = 0;
        int sent;
        do {
            sent = QuarkusTransaction.requiringNew().timeout(120).call(this::publishBatch);
            total += sent;
        } while (sent == settings.batchSize());
        return total;
    }

    /**
     * One scheduled run of a relay: {@link #publishPending()}, with a failure (the database or the broker away) logged
     * instead of thrown, since what was not published stays waiting for the next run.
     */
    public void relayPending() {
        try {
            publishPending();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay to %s could not publish, will retry: %s", settings.topic(), e.getMessage());
        }
    }

    /**
     * Removes the events published before {@code cutoff}, in the caller's transaction, and returns how many. An
     * unpublished event is never removed, however old: it would be lost.
     */
    public int removePublishedBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM outbox_event WHERE sent_at < ?1")
                .setParameter(1, cutoff).executeUpdate();
    }

    private record Pending(long seq, String key, String payload, EventTrace trace) {
    }

    private int publishBatch() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockId).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT seq, CAST(" + settings.keyColumn() + " AS text), payload"
                        + " FROM outbox_event WHERE sent_at IS NULL ORDER BY seq")
                .setMaxResults(settings.batchSize()).getResultList();
        if (rows.isEmpty()) {
            waiting.set(0);
            return 0;
        }
        // Round r sends the r-th waiting event of every key whose earlier events were acknowledged, so a later event
        // of a key is never on its way while an earlier one may still fail (an expired batch lets the idempotent
        // producer move on, which would let the later one overtake it).
        Map<String, List<Pending>> byKey = new LinkedHashMap<>();
        for (Object[] row : rows) {
            String payload = (String) row[2];
            Pending event = new Pending(((Number) row[0]).longValue(), (String) row[1], payload,
                    EventTrace.ofCloudEvent(payload));
            byKey.computeIfAbsent(event.key(), key -> new ArrayList<>()).add(event);
        }
        Producer<String, String> kafka = producer();
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        Set<String> failed = new HashSet<>();
        List<Long> sent = new ArrayList<>();
        boolean brokerAway = false;
        for (int round = 0; !brokerAway; round++) {
            List<Pending> wave = new ArrayList<>();
            for (Map.Entry<String, List<Pending>> key : byKey.entrySet()) {
                if (!failed.contains(key.getKey()) && key.getValue().size() > round) {
                    wave.add(key.getValue().get(round));
                }
            }
            if (wave.isEmpty()) {
                break;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<Span> spans = new ArrayList<>();
            for (Pending event : wave) {
                Span span = sendSpan(event);
                Future<RecordMetadata> ack;
                try {
                    ack = kafka.send(record(event, span));
                } catch (RuntimeException e) {
                    end(span, false);
                    brokerAway = true;
                    break;
                }
                acks.add(ack);
                spans.add(span);
                if (failedAtOnce(ack)) {
                    // The broker is unreachable: send() waited max.block.ms for metadata and handed back a failed
                    // future instead of throwing. Each further send would wait as long, so stop this run here.
                    brokerAway = true;
                    break;
                }
            }
            kafka.flush();
            for (int i = 0; i < wave.size(); i++) {
                Pending event = wave.get(i);
                boolean acknowledged = i < acks.size() && awaitAck(acks.get(i), deadline);
                if (i < spans.size()) {
                    end(spans.get(i), acknowledged);
                }
                if (acknowledged) {
                    sent.add(event.seq());
                } else {
                    failed.add(event.key());
                }
            }
        }
        if (!failed.isEmpty()) {
            LOG.warnf("Kafka did not acknowledge events of %d key(s) on %s; they stay in the outbox", failed.size(),
                    settings.topic());
            failedRuns.increment();
            resetProducer();
        }
        if (!sent.isEmpty()) {
            em.createNativeQuery("UPDATE outbox_event SET sent_at = :now WHERE seq IN (:seqs)")
                    .setParameter("now", Instant.now()).setParameter("seqs", sent).executeUpdate();
        }
        published.increment(sent.size());
        waiting.set(((Number) em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
                .getSingleResult()).longValue());
        return sent.size();
    }

    /** A PRODUCER span for sending {@code event}, a child of the span the event was written in (if any). */
    private Span sendSpan(Pending event) {
        return tracer.spanBuilder("send " + settings.topic())
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(event.trace().context())
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", settings.topic())
                .setAttribute("messaging.kafka.message.key", event.key())
                .startSpan();
    }

    private ProducerRecord<String, String> record(Pending event, Span span) {
        ProducerRecord<String, String> record = new ProducerRecord<>(settings.topic(), event.key(), event.payload());
        propagator.inject(Context.root().with(span), record.headers(), HEADERS);
        return record;
    }

    private static void end(Span span, boolean acknowledged) {
        if (!acknowledged) {
            span.setStatus(StatusCode.ERROR, "not acknowledged by Kafka; stays in the outbox");
        }
        span.end();
    }

    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        return ack.isDone() && !awaitAck(ack, System.nanoTime());
    }

    private static boolean awaitAck(Future<RecordMetadata> ack, long deadline) {
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
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, settings.clientId());
            long timeout = settings.ackTimeout().toMillis();
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

    /** Closes the producer, giving it a few seconds to finish what it is sending. */
    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
