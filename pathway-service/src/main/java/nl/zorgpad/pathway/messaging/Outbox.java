package nl.zorgpad.pathway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.outbox.CloudEvent;
import nl.zorgpad.pathway.domain.OutboxEvent;

/**
 * Writes an event as a structured CloudEvent into the outbox table, inside the caller's transaction, so the event
 * exists if and only if the change does. {@link OutboxRelay} publishes it.
 */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "/pathway-service";
    public static final String PATHWAY_PUBLISHED = "pathway.published";
    public static final String PARTNER_CHANGED = "partner.changed";
    public static final String PATHWAY_RETIRED = "pathway.retired";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String type, String aggregateType, String aggregateId, String regionId,
                       Map<String, Object> data) {
        CloudEvent<Map<String, Object>> cloudEvent = CloudEvent.of(SOURCE, type, aggregateId, Instant.now(), data);
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.fromString(cloudEvent.id());
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.regionId = regionId;
        event.type = type;
        event.createdAt = cloudEvent.time();
        try {
            event.payload = json.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data cannot be written as JSON", e);
        }
        event.persist();
        return event.id;
    }
}
