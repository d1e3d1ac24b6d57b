package nl.zorgpad.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Typed settings of the notification-service ({@code zorgpad.notification.*}). */
@ConfigMapping(prefix = "zorgpad.notification")
public interface NotificationConfig {

    Webhook webhook();

    Retry retry();

    Dispatch dispatch();

    Email email();

    Retention retention();

    interface Retention {
        /** Delivered deliveries and processed event ids older than this are removed (see RetentionService). */
        @WithDefault("30d")
        Duration keep();

        @WithDefault("1h")
        Duration interval();
    }

    interface Webhook {
        /** Refuse webhook URLs that are not https (on in production, off in dev and test). */
        @WithDefault("true")
        boolean requireHttps();

        /** Refuse URLs resolving to loopback, private, link-local or other internal addresses (SSRF). */
        @WithDefault("true")
        boolean blockPrivateAddresses();

        @WithDefault("5s")
        Duration connectTimeout();

        @WithDefault("10s")
        Duration requestTimeout();

        /** At most this many requests in flight to one endpoint, so a slow receiver does not hold up others. */
        @WithDefault("4")
        int maxConcurrencyPerEndpoint();

        /** How long a replaced secret keeps signing beside the new one, for receivers still on the old one. */
        @WithDefault("24h")
        Duration secretOverlap();
    }

    interface Retry {
        /** Delay before the second attempt; doubled per attempt. */
        @WithDefault("30s")
        Duration base();

        @WithDefault("4h")
        Duration cap();

        /** Random spread around each delay, as a fraction (0.2 = plus or minus 20 %). */
        @WithDefault("0.2")
        double jitter();

        /** After this long without success the delivery is dead. */
        @WithDefault("24h")
        Duration maxAge();
    }

    interface Dispatch {
        /** How often the dispatcher looks for due retries (new events are sent at once after commit). */
        @WithDefault("1s")
        Duration interval();

        @WithDefault("100")
        int batchSize();

        /** A claimed delivery is not claimed again for this long (covers a crash while sending). */
        @WithDefault("2m")
        Duration lease();

        @WithDefault("16")
        int threads();

        /**
         * Deliveries claimed ahead per webhook, waiting for one of its {@code maxConcurrencyPerEndpoint} senders. A
         * claimed delivery may wait up to about (this / concurrency) x request timeout before it is sent, which must
         * stay well below the lease: 32 / 4 x 10 s = 80 s against 2 min.
         */
        @WithDefault("32")
        int claimAheadPerEndpoint();
    }

    /** E-mail settings of our own; the sender and the SMTP server are Quarkus' ({@code quarkus.mailer.*}). */
    interface Email {
        /** Base of the link in the e-mail: the console, where the receiver logs in to see the referral. */
        @WithDefault("http://localhost:8080")
        String portalUrl();
    }
}
