package nl.zorgpad.pathway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of pathway-service, under {@code zorgpad.pathway.}; durations in Quarkus' short form ({@code 15s}). */
@ConfigMapping(prefix = "zorgpad.pathway")
public interface PathwayConfig {

    Outbox outbox();

    Coverage coverage();

    Routes routes();

    interface Routes {
        /**
         * How often the route table is rebuilt from the database, to pick up changes made by other instances.
         * Read by {@code @Scheduled} as text.
         */
        @WithDefault("60s")
        String refreshInterval();
    }

    interface Outbox {
        /** Kafka topic the relay publishes to. */
        @WithDefault("pathway-events")
        String topic();

        /** How often the relay looks for unpublished events. Read by {@code @Scheduled} as text. */
        @WithDefault("1s")
        String interval();

        /** Most events published per relay run. */
        @WithDefault("100")
        int batchSize();

        /** How long a relay run waits for the broker to acknowledge what it sent. */
        @WithDefault("15s")
        Duration ackTimeout();

        /**
         * How long a published event stays in the outbox (for looking into a delivery problem) before it is removed.
         * Unpublished events are never removed.
         */
        @WithDefault("7d")
        Duration keepPublished();

        /** How often published events older than {@link #keepPublished()} are removed. Read by {@code @Scheduled}. */
        @WithDefault("1h")
        String cleanupInterval();
    }

    interface Coverage {
        /** Capacity confirmed longer ago than this is reported as stale (whole days). */
        @WithDefault("30d")
        Duration staleAfter();
    }
}
