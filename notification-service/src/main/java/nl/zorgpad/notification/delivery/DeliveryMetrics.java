package nl.zorgpad.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import nl.zorgpad.notification.domain.Delivery;

/** Counters {@code zorgpad_notification_deliveries_total{channel, outcome}}: delivered, retried, dead. */
@ApplicationScoped
public class DeliveryMetrics {

    public static final String NAME = "zorgpad.notification.deliveries";

    private final MeterRegistry registry;

    public DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Delivery.Channel channel, String outcome) {
        registry.counter(NAME, "channel", channel.name().toLowerCase(), "outcome", outcome).increment();
    }
}
