package nl.zorgpad.referral.health;

import io.smallrye.health.api.HealthGroup;
import jakarta.inject.Singleton;
import nl.zorgpad.commons.outbox.KafkaBrokerCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether the broker the outbox relay publishes to answers, at /q/health/group/kafka. Not part of readiness:
 * while Kafka is away the referral events wait in the outbox and referrals can still be made and worked, so an
 * unready pod would turn a Kafka outage into an outage of the service.
 */
@HealthGroup(KafkaBrokerCheck.GROUP)
@Singleton
public class KafkaBrokerHealth extends KafkaBrokerCheck {

    public KafkaBrokerHealth(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        super(bootstrapServers, "referral-service");
    }
}
