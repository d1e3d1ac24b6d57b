package nl.zorgpad.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.Timestamps;

/**
 * Records the outcome of an attempt on its delivery, inside a dispatch round's transaction, and ends its lease:
 * delivered; or due again after the backoff; or dead when the retry window has passed or the failure is permanent.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private final DeliveryMetrics metrics;
    private final Backoff backoff;

    public DeliveryOutcomes(NotificationConfig config, DeliveryMetrics metrics) {
        this.metrics = metrics;
        this.backoff = new Backoff(config.retry().base(), config.retry().cap(), config.retry().jitter(),
                config.retry().maxAge(), () -> ThreadLocalRandom.current().nextDouble());
    }

    void record(DeliveryAttempt attempt, DeliveryAttempt.Result result) {
        Delivery delivery = Delivery.findById(attempt.deliveryId());
        if (delivery == null || delivery.status != Delivery.Status.PENDING) {
            return;
        }
        Instant now = Timestamps.now();
        delivery.leasedUntil = null;
        delivery.attempts++;
        delivery.lastStatusCode = result.statusCode();
        delivery.updatedAt = now;
        if (result.delivered()) {
            delivery.status = Delivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.lastError = null;
            metrics.count(delivery.channel, "delivered");
            return;
        }
        delivery.lastError = result.error();
        Optional<Instant> next = result.permanent() ? Optional.empty()
                : backoff.nextAttempt(delivery.attempts, now, delivery.windowStartAt);
        if (next.isPresent()) {
            delivery.nextAttemptAt = next.get();
            metrics.count(delivery.channel, "retried");
        } else {
            delivery.status = Delivery.Status.DEAD;
            delivery.nextAttemptAt = null;
            metrics.count(delivery.channel, "dead");
        }
    }
}
