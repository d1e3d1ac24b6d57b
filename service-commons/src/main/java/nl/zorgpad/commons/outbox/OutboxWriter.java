package nl.zorgpad.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.zorgpad.commons.tracing.EventTrace;

/**
 * Writes an event as a structured CloudEvent into the service's {@code outbox_event} table, inside the caller's
 * transaction, so the event exists if and only if the change does; {@link OutboxPublisher} sends it later. The event
 * carries the trace context current at writing (see {@link CloudEvent}), so its publishing continues that trace. The
 * table has at least {@code id}, {@code aggregate_id}, {@code type}, {@code payload} and {@code created_at}
 * ({@code seq} and {@code sent_at} are the publisher's); a service that keeps more columns passes them as extra
 * columns.
 * <p>
 * Not a bean: each producing service constructs one with its CloudEvent source.
 */
public final class OutboxWriter {

    /** An event type a service publishes; each producer lists its own as an enum. */
    public interface EventType {

        /** The CloudEvent {@code type}, e.g. {@code referral.accepted}. */
        String type();
    }

    private static final Pattern COLUMN = Pattern.compile("[a-z_]+");
    private static final List<String> COMMON = List.of("id", "aggregate_id", "type", "payload", "created_at");

    private final EntityManager em;
    private final ObjectMapper json;
    private final String source;

    /** {@code source} is the CloudEvent source of every event, e.g. {@code /referral-service}. */
    public OutboxWriter(EntityManager em, ObjectMapper json, String source) {
        this.em = em;
        this.json = json;
        this.source = source;
    }

    /**
     * Writes one event about {@code aggregateId} (also its CloudEvent subject; a UUID or a text id, as the table's
     * column is) and returns the event's id. Must run inside a transaction.
     */
    public UUID write(EventType type, Object aggregateId, Instant at, Object data, Map<String, Object> extraColumns) {
        // The trace of the change (the request that made it) travels with the event: the relay publishes it later,
        // outside that request, as part of the same trace.
        CloudEvent<Object> event = CloudEvent.of(source, type.type(), aggregateId.toString(), at, data,
                EventTrace.current());
        UUID id = UUID.fromString(event.id());
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", id);
        columns.put("aggregate_id", aggregateId);
        columns.put("type", type.type());
        columns.put("payload", payload(event));
        columns.put("created_at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        extraColumns.forEach((column, value) -> {
            if (!COLUMN.matcher(column).matches() || COMMON.contains(column)) {
                throw new IllegalArgumentException("Not an extra outbox column: " + column);
            }
            columns.put(column, value);
        });
        List<String> names = new ArrayList<>(columns.keySet());
        Query insert = em.createNativeQuery("INSERT INTO outbox_event (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(name -> ":" + name).toList()) + ")");
        columns.forEach(insert::setParameter);
        insert.executeUpdate();
        return id;
    }

    private String payload(CloudEvent<Object> event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data cannot be written as JSON", e);
        }
    }
}
