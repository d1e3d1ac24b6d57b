package nl.zorgpad.pathway.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.outbox.OutboxWriter;

/**
 * Writes pathway-service's events into its outbox, inside the caller's transaction (how: {@link OutboxWriter});
 * {@link OutboxRelay} publishes them. The region is kept beside each event because the relay keys by it.
 */
@ApplicationScoped
public class Outbox {

    public static final String SOURCE = "/pathway-service";

    private final OutboxWriter writer;

    public Outbox(EntityManager em, ObjectMapper json) {
        this.writer = new OutboxWriter(em, json, SOURCE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(PathwayEventType type, String aggregateId, String regionId, Map<String, Object> data) {
        return writer.write(type, aggregateId, Instant.now(), data,
                Map.of("aggregate_type", type.aggregateType(), "region_id", regionId));
    }
}
