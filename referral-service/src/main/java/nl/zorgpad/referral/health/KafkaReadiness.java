package nl.zorgpad.referral.health;

import jakarta.inject.Singleton;
import nl.zorgpad.commons.outbox.KafkaBrokerReadiness;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.Readiness;

/** referral-service publishes every referral event through the outbox: not ready while its broker is away. */
@Readiness
@Singleton
public class KafkaReadiness extends KafkaBrokerReadiness {

    public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        super(bootstrapServers, "referral-service");
    }
}
