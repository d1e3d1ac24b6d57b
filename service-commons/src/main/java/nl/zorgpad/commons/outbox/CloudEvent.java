package nl.zorgpad.commons.outbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import nl.zorgpad.commons.tracing.EventTrace;

/**
 * A CloudEvent 1.0 in structured mode, as the services write it into their outbox: the whole event is the Kafka
 * record's value, JSON, with the event's data under {@code data}. {@code traceparent} and {@code tracestate} are the
 * "distributed tracing" extension: the trace the event was written in, left out when there was none.
 */
public record CloudEvent<T>(String specversion, String id, String source, String type, Instant time, String subject,
                            String datacontenttype, T data,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String traceparent,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String tracestate) {

    /** A new event with a fresh id; {@code source} names the service, e.g. {@code /referral-service}. */
    public static <T> CloudEvent<T> of(String source, String type, String subject, Instant time, T data,
                                       EventTrace trace) {
        return new CloudEvent<>("1.0", UUID.randomUUID().toString(), source, type, time, subject, "application/json",
                data, trace.traceparent(), trace.tracestate());
    }
}
