package nl.zorgpad.commons.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of the Kafka broker an outbox relay publishes to: asks it to describe its cluster and counts no answer
 * within {@value #TIMEOUT_MS} ms as down, because an instance that cannot reach the broker lets its events pile up
 * in the outbox. Asynchronous, so a probe never blocks the event loop while it waits; one admin client is kept
 * between probes and reconnects by itself when the broker comes back.
 *
 * <p>Not a bean by itself: a service that publishes through the outbox declares it as its readiness check with a
 * subclass annotated {@code @Readiness @Singleton} that passes its bootstrap servers and name.
 */
public abstract class KafkaBrokerReadiness implements AsyncHealthCheck {

    public static final String NAME = "Kafka broker";
    static final int TIMEOUT_MS = 3000;

    private final String bootstrapServers;
    private final String clientId;
    private Admin admin;

    protected KafkaBrokerReadiness(String bootstrapServers, String serviceName) {
        this.bootstrapServers = bootstrapServers;
        this.clientId = serviceName + "-readiness";
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().completionStage(() -> admin()
                        .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                        .toCompletionStage())
                .ifNoItem().after(Duration.ofMillis(TIMEOUT_MS + 500L)).fail()
                .map(nodes -> HealthCheckResponse.named(NAME).up().withData("nodes", nodes.size()).build())
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("reason", "the broker did not answer within " + TIMEOUT_MS + " ms").build());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
            props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_MS));
            admin = Admin.create(props);
        }
        return admin;
    }

    @PreDestroy
    protected synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
