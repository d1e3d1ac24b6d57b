package nl.zorgpad.pathway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of pathway-service. */
@ConfigMapping(prefix = "pathway")
public interface PathwayConfig {

    Outbox outbox();

    Coverage coverage();

    Snapshot snapshot();

    interface Snapshot {
        /** How often the route snapshot is rebuilt to pick up changes made by other instances. */
        @WithDefault("60s")
        String refreshEvery();
    }

    interface Outbox {
        /** Kafka topic the relay publishes to. */
        @WithDefault("pathway-events")
        String topic();

        /** How often the relay polls the outbox. */
        @WithDefault("1s")
        String pollEvery();

        /** Most events published per relay run. */
        @WithDefault("100")
        int batchSize();

        /** How long a relay run waits for the broker to acknowledge what it sent. */
        @WithDefault("PT15S")
        Duration ackTimeout();

        /**
         * How long a published event stays in the outbox (for looking into a delivery problem) before it is removed.
         * Unpublished events are never removed.
         */
        @WithDefault("P7D")
        Duration keepPublished();

        /** How often published events older than {@link #keepPublished()} are removed. */
        @WithDefault("1h")
        String cleanupEvery();
    }

    interface Coverage {
        /** Capacity confirmed longer ago than this many days is reported as stale. */
        @WithDefault("30")
        int staleAfterDays();
    }
}
