package nl.zorgpad.pathway.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import nl.zorgpad.pathway.config.PathwayConfig;
import nl.zorgpad.pathway.domain.OutboxEvent;
import org.junit.jupiter.api.Test;

/** Published outbox events are removed after the retention period; unpublished ones are never removed. */
@QuarkusTest
class OutboxRetentionTest {

    @Inject
    OutboxRelay relay;

    @Inject
    PathwayConfig config;

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
        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(OutboxEvent.findById(publishedLongAgo));
            assertNotNull(OutboxEvent.findById(publishedRecently));
            assertNotNull(OutboxEvent.findById(neverPublished));
        });
    }

    /** An event of a type and region nobody consumes, so that the relay publishing it has no side effects. */
    private static UUID insert(Instant createdAt, Instant sentAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutboxEvent event = new OutboxEvent();
            event.id = id;
            event.aggregateType = "test";
            event.aggregateId = "retention-test-" + id;
            event.regionId = "retention-test";
            event.type = "test.retention";
            event.payload = "{\"id\":\"" + id + "\",\"type\":\"test.retention\",\"data\":{}}";
            event.createdAt = createdAt;
            event.sentAt = sentAt;
            event.persist();
        });
        return id;
    }
}
