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
 * Health of the Kafka broker an outbox relay publishes to: asks it to describe its cluster and counts no answer
 * within {@value #TIMEOUT_MS} ms as down. Asynchronous, so a probe never blocks the event loop while it waits; one
 * admin client is kept between probes and reconnects by itself when the broker comes back.
 *
 * <p>Deliberately not a readiness check: the outbox exists so that a service keeps working while Kafka is away (its
 * events wait and leave in order afterwards), and an unready pod would turn a Kafka outage into an outage of the
 * service. It is a health group ({@value #GROUP}) for monitoring, beside the outbox's waiting gauge. Not a bean by
 * itself: a publishing service declares it with a subclass annotated {@code @HealthGroup(GROUP) @Singleton} that
 * passes its bootstrap servers and name.
 */
public abstract class KafkaBrokerCheck implements AsyncHealthCheck {

    public static final String NAME = "Kafka broker";
    /** The health group of the check: /q/health/group/kafka. */
    public static final String GROUP = "kafka";
    static final int TIMEOUT_MS = 3000;

    private final String bootstrapServers;
    private final String clientId;
    private Admin admin;

    protected KafkaBrokerCheck(String bootstrapServers, String serviceName) {
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
