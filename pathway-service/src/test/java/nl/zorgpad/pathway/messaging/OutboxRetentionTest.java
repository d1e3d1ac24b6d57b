package nl.zorgpad.pathway.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import nl.zorgpad.pathway.config.PathwayConfig;
import org.junit.jupiter.api.Test;

/** Published outbox events are removed after the retention period; unpublished ones are never removed. */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRelay relay;

    @Inject
    PathwayConfig config;

    @Inject
    EntityManager em;

    @Test
    void removesOnlyEventsPublishedBeforeTheRetentionPeriod() {
        Duration keep = config.outbox().keepPublished();
        Instant now = Instant.now();
        UUID publishedLongAgo = insert(now.minus(keep).minusSeconds(3600 * 24), now.minus(keep).minusSeconds(3600));
        UUID publishedRecently = insert(now.minus(keep).minusSeconds(3600 * 24), now.minus(keep).plusSeconds(3600));
        // Old but never published (Kafka away for longer than the retention): must stay until it is sent. The relay
        // may publish it meanwhile, which makes it recent, so it stays either way.
        UUID neverPublished = insert(now.minus(keep).minusSeconds(3600 * 24), null);

        int removed = QuarkusTransaction.requiringNew().call(() -> relay.removePublishedBefore(now.minus(keep)));

        assertEquals(1, removed, "only the event published before the cutoff");
        assertFalse(exists(publishedLongAgo));
        assertTrue(exists(publishedRecently));
        assertTrue(exists(neverPublished));
    }

    private boolean exists(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> !em.createNativeQuery(
                "SELECT 1 FROM outbox_event WHERE id = :id").setParameter("id", id).getResultList().isEmpty());
    }

    /** An event of a type and region nobody consumes, so that the relay publishing it has no side effects. */
    private UUID insert(Instant createdAt, Instant sentAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Query insert = em.createNativeQuery("""
                    INSERT INTO outbox_event (id, aggregate_type, aggregate_id, region_id, type, payload, created_at)
                    VALUES (:id, 'test', :aggregate, 'retention-test', 'test.retention', :payload, :created)""")
                    .setParameter("id", id)
                    .setParameter("aggregate", "retention-test-" + id)
                    .setParameter("payload", "{\"id\":\"" + id + "\",\"type\":\"test.retention\",\"data\":{}}")
                    .setParameter("created", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
            insert.executeUpdate();
            if (sentAt != null) {
                em.createNativeQuery("UPDATE outbox_event SET sent_at = :sent WHERE id = :id")
                        .setParameter("sent", OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC))
                        .setParameter("id", id)
                        .executeUpdate();
            }
        });
        return id;
    }
}
