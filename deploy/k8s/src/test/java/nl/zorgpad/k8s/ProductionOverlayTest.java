package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What production asks of the overlay beyond being valid: redundancy, probes, resources, isolation. */
class ProductionOverlayTest {

    private static final Set<String> APPLICATIONS =
            Set.of("pathway-service", "referral-service", "notification-service", "console");

    private final ObjectSet set = Project.overlay("production");

    @Test
    void theFourApplicationsAreDeployed() {
        Set<String> deployed = new TreeSet<>();
        set.all("Deployment").forEach(d -> deployed.add(ObjectSet.name(d)));
        assertEquals(new TreeSet<>(APPLICATIONS), deployed);
    }

    @Test
    void everyApplicationRunsTwiceAndIsScaledAndKeptThroughDrains() {
        for (ObjectNode deployment : set.all("Deployment")) {
            String name = ObjectSet.name(deployment);
            assertTrue(deployment.path("spec").path("replicas").asInt() >= 2, name + " replicas");
            ObjectNode hpa = set.get("HorizontalPodAutoscaler", name).orElseThrow();
            assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
            assertTrue(hpa.path("spec").path("minReplicas").asInt() >= 2, name + " minReplicas");
            assertTrue(hpa.path("spec").path("maxReplicas").asInt() > hpa.path("spec").path("minReplicas").asInt());
            ObjectNode pdb = set.get("PodDisruptionBudget", name).orElseThrow();
            assertTrue(Network.matches(pdb.path("spec").path("selector"),
                    ObjectSet.strings(deployment.path("spec").path("template").path("metadata").path("labels"))));
            // A rollout starts a new pod before it stops an old one.
            assertEquals(0, deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable")
                    .asInt(-1), name + " maxUnavailable");
        }
    }

    @Test
    void everyApplicationHasReadinessLivenessAndStartupProbes() {
        for (ObjectNode deployment : set.all("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String name = ObjectSet.name(deployment);
                assertEquals("/q/health/ready", container.path("readinessProbe").path("httpGet").path("path").asText(),
                        name);
                assertEquals("/q/health/live", container.path("livenessProbe").path("httpGet").path("path").asText(),
                        name);
                assertEquals("/q/health/live", container.path("startupProbe").path("httpGet").path("path").asText(),
                        name);
            }
        }
    }

    @Test
    void everyContainerHasRequestsAndLimitsForCpuAndMemory() {
        for (ObjectNode deployment : set.all("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                JsonNode resources = container.path("resources");
                for (String kind : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        assertTrue(resources.path(kind).has(resource),
                                ObjectSet.name(deployment) + " " + kind + "." + resource);
                    }
                }
                // Memory requested as limited: a node under pressure does not evict these pods first.
                assertEquals(resources.path("limits").path("memory"), resources.path("requests").path("memory"));
            }
        }
    }

    @Test
    void javaToolOptionsIsAVariableOfTheCommonConfigMap() {
        ObjectNode common = set.get("ConfigMap", "zorgpad-common").orElseThrow();
        assertFalse(common.has("JAVA_TOOL_OPTIONS"), "outside data: it would be no environment variable");
        assertTrue(common.path("data").path("JAVA_TOOL_OPTIONS").asText().contains("-XX:+UseSerialGC"));
        // The console sets its own (for its measured heap) and must keep the collector and the native heap trim.
        for (ObjectNode deployment : set.all("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                String options = References.environment(set, container).get("JAVA_TOOL_OPTIONS");
                assertTrue(options.contains("-XX:+UseSerialGC"), ObjectSet.name(deployment));
                assertTrue(options.contains("-XX:TrimNativeHeapInterval=1000"), ObjectSet.name(deployment));
                assertEquals("2", References.environment(set, container).get("MALLOC_ARENA_MAX"),
                        ObjectSet.name(deployment));
            }
        }
    }

    @Test
    void everyApplicationIsShutInAndOutByDefault() {
        for (ObjectSet.Pods pods : set.pods()) {
            if (!pods.owner().startsWith("Deployment/")) {
                continue;
            }
            boolean denied = set.all("NetworkPolicy").stream().anyMatch(p -> {
                JsonNode spec = p.path("spec");
                return Network.matches(spec.path("podSelector"), pods.labels())
                        && spec.path("policyTypes").toString().contains("Ingress")
                        && spec.path("policyTypes").toString().contains("Egress")
                        && !spec.has("ingress") && !spec.has("egress");
            });
            assertTrue(denied, pods.owner());
        }
    }

    @Test
    void everyDatabaseRunsThreeInstancesAndCommitsOnAStandbyToo() {
        assertEquals(4, set.all("Cluster").size());
        for (ObjectNode cluster : set.all("Cluster")) {
            assertEquals(3, cluster.path("spec").path("instances").asInt(), ObjectSet.name(cluster));
            assertEquals(1, cluster.path("spec").path("postgresql").path("synchronous").path("number").asInt());
        }
    }

    @Test
    void kafkaRunsThreeControllersAndThreeBrokersInKraftNodePools() {
        int controllers = 0;
        int brokers = 0;
        for (ObjectNode pool : set.all("KafkaNodePool")) {
            int replicas = pool.path("spec").path("replicas").asInt();
            String roles = pool.path("spec").path("roles").toString();
            controllers += roles.contains("controller") ? replicas : 0;
            brokers += roles.contains("broker") ? replicas : 0;
        }
        assertEquals(3, controllers);
        assertEquals(3, brokers);
        JsonNode config = set.get("Kafka", "zorgpad").orElseThrow().path("spec").path("kafka").path("config");
        assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
        assertEquals(2, config.path("min.insync.replicas").asInt());
    }

    @Test
    void everyTopicIsOnThreeBrokersAndAWriteNeedsTwo() {
        for (ObjectNode topic : set.all("KafkaTopic")) {
            assertEquals(3, topic.path("spec").path("replicas").asInt(), ObjectSet.name(topic));
            assertEquals(2, topic.path("spec").path("config").path("min.insync.replicas").asInt(),
                    ObjectSet.name(topic));
            assertTrue(topic.path("spec").path("partitions").asInt() >= 1);
        }
    }

    @Test
    void theRealmImportHasNoPeopleAndNoSecrets() {
        JsonNode realm = set.get("KeycloakRealmImport", "zorgpad-realm").orElseThrow().path("spec").path("realm");
        // Its only users are the services' service accounts: no person, no password.
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), user.path("username").asText());
            assertFalse(user.has("credentials"), user.path("username").asText());
        }
        for (JsonNode client : realm.path("clients")) {
            assertFalse(client.has("secret"), client.path("clientId").asText());
        }
        assertEquals("all", realm.path("sslRequired").asText());
    }

    @Test
    void everyExternalSecretIsUsedAndListedInTheReadme() throws IOException {
        Set<String> used = new TreeSet<>();
        References.secretRefs(set).forEach(r -> used.add(r.name()));
        assertEquals(new TreeSet<>(ExternalSecrets.ALL.keySet()), used);
        String readme = Files.readString(Project.k8s().resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (String name : ExternalSecrets.ALL.keySet()) {
            if (!readme.contains("`" + name + "`")) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "Secrets deploy/k8s/README.md does not name");
    }

    private static JsonNode containers(ObjectNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers");
    }
}
