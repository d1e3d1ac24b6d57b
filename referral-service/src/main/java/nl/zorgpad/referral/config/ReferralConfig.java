package nl.zorgpad.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of referral-service, under {@code zorgpad.referral.}; durations in Quarkus' short form ({@code 15s}).
 * The time zone is the product-wide {@code zorgpad.time-zone} (an injected {@link java.time.ZoneId}).
 */
@ConfigMapping(prefix = "zorgpad.referral")
public interface ReferralConfig {

    /** Key for the client pseudonyms (HMAC). Production supplies REFERRAL_PSEUDONYM_KEY. */
    String pseudonymKey();

    Retention retention();

    Outbox outbox();

    Overdue overdue();

    Fhir fhir();

    interface Fhir {
        /**
         * The FHIR base URL as partners' systems reach it (the service's {@code /fhir} behind any ingress): events
         * carry each referral's Task as an absolute URL under it, for a FHIR client to pull.
         */
        @WithDefault("http://localhost:8082/fhir")
        String baseUrl();

        /**
         * Whether HAPI's validator checks every incoming transaction Bundle against base R4. It costs about 3 ms of
         * CPU per Bundle and the R4 definitions in memory (docs/benchmarks/referral-service.md).
         */
        @WithDefault("true")
        boolean validateIncoming();
    }

    interface Overdue {
        /** How often the overdue job looks. Read by {@code @Scheduled} as text. */
        @WithDefault("15m")
        String interval();
    }

    interface Retention {
        /** How long client details of a closed referral are kept. */
        @WithDefault("90d")
        Duration keepClosedDetails();

        /** When the retention job runs (a Quarkus cron expression). */
        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    interface Outbox {
        /** Kafka topic the relay publishes to. */
        @WithDefault("referral-events")
        String topic();

        /** How often the relay looks for unpublished events. Read by {@code @Scheduled} as text. */
        @WithDefault("1s")
        String interval();

        /** Most events published per relay run. */
        @WithDefault("500")
        int batchSize();

        /** How long a relay run waits for the broker to acknowledge what it sent. */
        @WithDefault("15s")
        Duration ackTimeout();

        /**
         * How long a published event stays in the outbox (for looking into an incident) before it is removed. It
         * holds ids and codes, never client details; Kafka keeps the event as long as its topic retention says.
         * Unpublished events are never removed.
         */
        @WithDefault("7d")
        Duration keepPublished();
    }
}
