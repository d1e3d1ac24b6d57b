package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The single-node overlay: one of everything, and nothing that needs a second node to work. */
class LocalOverlayTest {

    private final ObjectSet set = Project.overlay("local");

    @Test
    void oneInstanceOfEverything() {
        set.all("Deployment").forEach(d -> assertEquals(1, d.path("spec").path("replicas").asInt()));
        set.all("Cluster").forEach(c -> assertEquals(1, c.path("spec").path("instances").asInt()));
        set.all("KafkaNodePool").forEach(p -> assertEquals(1, p.path("spec").path("replicas").asInt()));
        set.all("Keycloak").forEach(k -> assertEquals(1, k.path("spec").path("instances").asInt()));
        assertEquals(List.of(), set.all("HorizontalPodAutoscaler"));
        assertEquals(List.of(), set.all("PodDisruptionBudget"));
    }

    @Test
    void nothingWaitsForASecondNode() {
        for (ObjectNode cluster : set.all("Cluster")) {
            // A synchronous standby that cannot exist would stop every commit.
            assertFalse(cluster.path("spec").path("postgresql").has("synchronous"), ObjectSet.name(cluster));
        }
        for (ObjectNode topic : set.all("KafkaTopic")) {
            assertEquals(1, topic.path("spec").path("replicas").asInt(), ObjectSet.name(topic));
            assertEquals(1, topic.path("spec").path("config").path("min.insync.replicas").asInt());
        }
        ObjectNode kafka = set.get("Kafka", "zorgpad").orElseThrow();
        kafka.path("spec").path("kafka").path("config").fields().forEachRemaining(e -> {
            if (e.getKey().contains("replication.factor") || e.getKey().contains("min.i")) {
                assertEquals(1, e.getValue().asInt(), e.getKey());
            }
        });
    }
}
