package nl.zorgpad.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Typed settings of the referral service ({@code referral.*}). */
@ConfigMapping(prefix = "referral")
public interface ReferralConfig {

    /** Key for the client pseudonyms (HMAC). Production supplies REFERRAL_PSEUDONYM_KEY. */
    String pseudonymKey();

    /** The zone in which deadlines and working days are counted. */
    @WithDefault("Europe/Amsterdam")
    ZoneId zone();

    Retention retention();

    Outbox outbox();

    Overdue overdue();

    interface Overdue {
        /** How often the overdue scheduler looks (a Quarkus scheduler interval). */
        @WithDefault("15m")
        String every();
    }

    interface Retention {
        /** How long client details of a closed referral are kept. */
        @WithDefault("P90D")
        Duration closedDetails();

        /**
         * How long an outbox row is kept after Kafka acknowledged it: only for looking into an incident. It holds ids
         * and codes, never client details; Kafka itself keeps the event as long as its topic retention says.
         */
        @WithDefault("P7D")
        Duration publishedEvents();

        /** When the retention job runs (a Quarkus cron expression). */
        @WithDefault("0 30 2 * * ?")
        String cron();
    }

    interface Outbox {
        @WithDefault("referral-events")
        String topic();

        /** How often the relay looks for unsent events (a Quarkus scheduler interval). */
        @WithDefault("1s")
        String interval();

        /** The most events one relay run publishes. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge one batch. */
        @WithDefault("PT15S")
        Duration ackTimeout();
    }
}
