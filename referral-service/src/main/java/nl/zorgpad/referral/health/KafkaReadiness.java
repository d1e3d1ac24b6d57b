package nl.zorgpad.referral.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the Kafka broker answers: the service publishes every referral event through the outbox, and an
 * instance that cannot reach the broker lets its events pile up. Asks the broker the relay publishes to
 * ({@code kafka.bootstrap.servers}) to describe its cluster, with a short timeout so a dead broker makes the check
 * DOWN rather than slow.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    static final String NAME = "Kafka broker";
    private static final int TIMEOUT_MS = 3000;

    private final String bootstrapServers;
    private AdminClient admin;

    public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named(NAME).up().withData("bootstrapServers", bootstrapServers)
                    .withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        } catch (Exception e) {
            return down(e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName());
        }
    }

    private HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("bootstrapServers", bootstrapServers)
                .withData("error", reason).build();
    }

    private synchronized AdminClient admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "referral-service-readiness",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
            admin = AdminClient.create(props);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
