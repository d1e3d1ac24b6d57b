package nl.zorgpad.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import nl.zorgpad.commons.tracing.EventTrace;
import nl.zorgpad.notification.service.EventIngestService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code referral-events} in batches (what one poll returned): all well-formed events of a batch are
 * recorded in one transaction, so a burst costs one commit instead of one per event. Batches are handled one
 * after the other and records keep their partition order, so one referral's events (keyed by referral id) stay
 * ordered. A malformed record is nacked on its own and, by the channel's failure strategy, sent to
 * {@code referral-events-dlq}; the rest of the batch carries on. Offsets are committed when the batch is acked.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReferralEventsConsumer.class);

    private static final int ATTEMPTS = 3;
    /** The pause before the second attempt of a failed batch; the third waits twice as long. */
    private static final long RETRY_PAUSE_MILLIS = 500;

    private final EventIngestService ingest;
    private final ObjectMapper json;

    public ReferralEventsConsumer(EventIngestService ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Incoming("referral-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        List<CompletionStage<Void>> deadLetters = new ArrayList<>();
        List<KafkaRecord<String, String>> accepted = new ArrayList<>();
        List<EventIngestService.ReceivedEvent> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                EventIngestService.ReceivedEvent event = read(record);
                if (event != null) {
                    accepted.add(record);
                    events.add(event);
                }
            } catch (CloudEvent.MalformedEventException e) {
                LOG.warnf("Malformed record (key %s) on %s-%d to the dead-letter topic: %s", record.getKey(),
                        record.getTopic(), record.getPartition(), e.getMessage());
                deadLetters.add(record.nack(e));
            }
        }
        if (!events.isEmpty() && !ingestWithRetries(events)) {
            // The batch keeps failing: one event at a time, so only an event that fails on its own is given up.
            for (int i = 0; i < events.size(); i++) {
                try {
                    ingest.ingestReferralEvents(List.of(events.get(i)));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Event %s could not be processed; to the dead-letter topic", events.get(i)
                            .event().id());
                    deadLetters.add(accepted.get(i).nack(e));
                }
            }
        }
        return CompletableFuture.allOf(deadLetters.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).thenCompose(done -> batch.ack());
    }

    /** Null for an event of another kind (ignored); throws for a record that can never be processed. */
    private EventIngestService.ReceivedEvent read(KafkaRecord<String, String> record) {
        CloudEvent event = CloudEvent.parse(json, record.getPayload());
        if (!event.type().startsWith("referral.")) {
            LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
            return null;
        }
        if (event.dataText("referralId") == null) {
            throw new CloudEvent.MalformedEventException("data.referralId missing");
        }
        return new EventIngestService.ReceivedEvent(event, event.forwardedJson(json), trace(record, event));
    }

    /**
     * The trace the event's deliveries continue. The event's own trace (its CloudEvent's {@code traceparent}: the
     * request that wrote it) comes first; within it, the span in which the Kafka connector received the record, a
     * child of the publisher's span named in the record's headers. A record without headers gets a receiving span of
     * a trace of its own, so then the event's span is the parent; an event without any trace attributes continues the
     * receiving span's new trace (none while tracing is off).
     */
    private static EventTrace trace(KafkaRecord<String, String> record, CloudEvent event) {
        SpanContext received = record.getMetadata(TracingMetadata.class).map(TracingMetadata::getCurrentContext)
                .map(context -> Span.fromContext(context).getSpanContext()).orElse(SpanContext.getInvalid());
        SpanContext written = event.trace().spanContext();
        if (received.isValid() && (!written.isValid() || written.getTraceId().equals(received.getTraceId()))) {
            return EventTrace.of(Context.root().with(Span.wrap(received)));
        }
        return EventTrace.of(event.trace().context());
    }

    /**
     * A batch that fails (database briefly away) is tried again after a short pause, on purpose on the consumer's
     * own thread: the next poll must wait, or later events of the same referrals would overtake these. The unique
     * event ids make a retry after a lost commit harmless.
     */
    private boolean ingestWithRetries(List<EventIngestService.ReceivedEvent> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                ingest.ingestReferralEvents(events);
                return true;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    LOG.warnf("A batch of %d events failed %d times: %s", events.size(), attempt, e.getMessage());
                    return false;
                }
                LOG.warnf("A batch of %d events failed (attempt %d), retrying: %s", events.size(), attempt,
                        e.getMessage());
                pause(attempt * RETRY_PAUSE_MILLIS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a batch", e);
        }
    }
}
