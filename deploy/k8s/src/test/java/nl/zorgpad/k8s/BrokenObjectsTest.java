package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each check must fail on the mistake it is there for: the production overlay with one object broken in memory.
 * Every test first shows that the check passes on the intact overlay, so a failure here is the broken object's.
 */
class BrokenObjectsTest {

    private final ObjectSet set = Project.overlay("production");

    private ObjectNode object(String kind, String name) {
        return set.get(kind, name).orElseThrow();
    }

    private ObjectNode container(String deployment) {
        return (ObjectNode) object("Deployment", deployment).path("spec").path("template").path("spec")
                .path("containers").get(0);
    }

    private ObjectNode env(String deployment, String variable) {
        for (JsonNode env : container(deployment).path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return (ObjectNode) env;
            }
        }
        throw new IllegalArgumentException(variable);
    }

    private static void assertProblem(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> "no problem mentions \"" + expected
                + "\" in " + problems);
    }

    private List<String> model(String kind, String name) {
        return Models.check(object(kind, name));
    }

    // ---- API models --------------------------------------------------------------------------------------------

    @Test
    void anUnknownFieldOfADeploymentFails() {
        assertEquals(List.of(), model("Deployment", "pathway-service"));
        ((ObjectNode) object("Deployment", "pathway-service").get("spec")).put("replica", 3);
        assertProblem(model("Deployment", "pathway-service"), "\"replica\"");
    }

    @Test
    void anUnknownFieldDeepInAPodTemplateFails() {
        container("referral-service").put("imagePullPolice", "Always");
        assertProblem(model("Deployment", "referral-service"), "\"imagePullPolice\"");
    }

    @Test
    void aMistypedValueFails() {
        ((ObjectNode) object("HorizontalPodAutoscaler", "console").get("spec")).put("minReplicas", "two");
        assertProblem(model("HorizontalPodAutoscaler", "console"), "minReplicas");
    }

    @Test
    void anUnknownKindFails() {
        object("Deployment", "console").put("kind", "Deploymnet");
        assertProblem(Models.check(set.get("Deploymnet", "console").orElseThrow()), "unknown kind");
        assertProblem(References.kinds(set), "unknown kind apps/v1 Deploymnet");
    }

    @Test
    void aKnownKindUnderAnotherApiVersionFails() {
        object("PodDisruptionBudget", "console").put("apiVersion", "policy/v1beta1");
        assertProblem(References.kinds(set), "unknown kind policy/v1beta1 PodDisruptionBudget");
    }

    @Test
    void anUnknownFieldOfAKafkaTopicFails() {
        assertEquals(List.of(), model("KafkaTopic", "referral-events"));
        ((ObjectNode) object("KafkaTopic", "referral-events").get("spec")).put("partition", 6);
        assertProblem(model("KafkaTopic", "referral-events"), "\"partition\"");
    }

    @Test
    void aPropertyStrimziDroppedFromV1Fails() {
        assertEquals(List.of(), model("Kafka", "zorgpad"));
        // spec.kafka.replicas exists in v1beta2 only; in v1 the node pools count the nodes.
        ((ObjectNode) object("Kafka", "zorgpad").path("spec").path("kafka")).put("replicas", 3);
        assertProblem(model("Kafka", "zorgpad"), "\"replicas\"");
    }

    @Test
    void anUnknownFieldOfAPostgresClusterFails() {
        assertEquals(List.of(), model("Cluster", "referral-db"));
        ((ObjectNode) object("Cluster", "referral-db").get("spec")).put("instance", 3);
        assertProblem(model("Cluster", "referral-db"), "instance");
    }

    @Test
    void anUnknownFieldOfAManagedRoleFails() {
        ObjectNode role = (ObjectNode) object("Cluster", "pathway-db").path("spec").path("managed").path("roles")
                .get(0);
        role.put("password", "secret");
        assertProblem(model("Cluster", "pathway-db"), "password");
    }

    @Test
    void anUnknownFieldOfKeycloakFails() {
        assertEquals(List.of(), model("Keycloak", "keycloak"));
        ((ObjectNode) object("Keycloak", "keycloak").path("spec").path("hostname")).put("host", "login.example.nl");
        assertProblem(model("Keycloak", "keycloak"), "host");
    }

    @Test
    void anUnknownFieldOfARealmImportFails() {
        assertEquals(List.of(), model("KeycloakRealmImport", "zorgpad-realm"));
        ((ObjectNode) object("KeycloakRealmImport", "zorgpad-realm").get("spec")).put("keycloakName", "keycloak");
        assertProblem(model("KeycloakRealmImport", "zorgpad-realm"), "keycloakName");
    }

    // ---- references --------------------------------------------------------------------------------------------

    @Test
    void aServiceSelectingNoPodsFails() {
        assertEquals(List.of(), References.serviceSelectors(set));
        ((ObjectNode) object("Service", "pathway-service").path("spec").path("selector"))
                .put("app.kubernetes.io/name", "pathway");
        assertProblem(References.serviceSelectors(set), "Service/pathway-service: its selector");
    }

    @Test
    void aServiceTargetingAPortThePodsDoNotNameFails() {
        ((ObjectNode) object("Service", "console").path("spec").path("ports").get(0)).put("targetPort", "web");
        assertProblem(References.serviceSelectors(set), "targets web");
    }

    @Test
    void aMissingSecretFails() {
        assertEquals(List.of(), References.secrets(set));
        ((ObjectNode) env("pathway-service", "QUARKUS_FLYWAY_PASSWORD").path("valueFrom").path("secretKeyRef"))
                .put("name", "pathway-db-ownr");
        assertProblem(References.secrets(set), "Secret pathway-db-ownr is neither");
    }

    @Test
    void aMissingKeyOfAnExternalSecretFails() {
        ((ObjectNode) env("referral-service", "QUARKUS_DATASOURCE_USERNAME").path("valueFrom").path("secretKeyRef"))
                .put("key", "user");
        assertProblem(References.secrets(set), "has no key user");
    }

    @Test
    void aSecretOnlyAnOperatorNamesIsCheckedToo() {
        ((ObjectNode) object("Cluster", "keycloak-db").path("spec").path("bootstrap").path("initdb").path("secret"))
                .put("name", "keycloak-owner");
        assertProblem(References.secrets(set), "Cluster/keycloak-db: Secret keycloak-owner");
    }

    @Test
    void aMissingConfigMapFails() {
        assertEquals(List.of(), References.configMaps(set));
        ((ObjectNode) container("console").path("envFrom").get(0).path("configMapRef")).put("name", "zorgpad-comon");
        assertProblem(References.configMaps(set), "ConfigMap zorgpad-comon is not in the overlay");
    }

    @Test
    void aMissingConfigMapKeyFails() {
        ((ObjectNode) env("notification-service", "KAFKA_BOOTSTRAP_SERVERS").path("valueFrom")
                .path("configMapKeyRef")).put("key", "bootstrap");
        assertProblem(References.configMaps(set), "has no key bootstrap");
    }

    @Test
    void anIngressBackendWithoutServiceFails() {
        assertEquals(List.of(), References.ingressBackends(set));
        ObjectNode backend = firstBackend("zorgpad");
        backend.put("name", "konsole");
        assertProblem(References.ingressBackends(set), "no Service konsole");
    }

    @Test
    void anIngressBackendOnAPortTheServiceLacksFails() {
        ((ObjectNode) firstBackend("zorgpad").get("port")).put("name", "https");
        assertProblem(References.ingressBackends(set), "has no port");
    }

    @Test
    void anIngressHostWithoutCertificateFails() {
        ((ArrayNode) object("Ingress", "keycloak").path("spec").path("tls").get(0).path("hosts")).removeAll()
                .add("auth.example.nl");
        assertProblem(References.ingressBackends(set), "host login.example.nl has no TLS certificate");
    }

    @Test
    void aNetworkPolicySelectingNoPodsFails() {
        assertEquals(List.of(), References.networkPolicySelectors(set));
        ((ObjectNode) object("NetworkPolicy", "pathway-db").path("spec").path("podSelector").path("matchLabels"))
                .put("cnpg.io/cluster", "pathway");
        assertProblem(References.networkPolicySelectors(set), "NetworkPolicy/pathway-db: podSelector");
    }

    @Test
    void aNetworkPolicyPeerSelectingNoPodsFails() {
        ObjectNode peer = (ObjectNode) object("NetworkPolicy", "referral-service").path("spec").path("ingress")
                .get(0).path("from").get(1);
        ((ObjectNode) peer.path("podSelector").path("matchLabels")).put("app.kubernetes.io/name", "konsole");
        assertProblem(References.networkPolicySelectors(set), "peer");
    }

    @Test
    void anAutoscalerOfAMissingDeploymentFails() {
        assertEquals(List.of(), References.scalingTargets(set));
        ((ObjectNode) object("HorizontalPodAutoscaler", "console").path("spec").path("scaleTargetRef"))
                .put("name", "konsole");
        assertProblem(References.scalingTargets(set), "Deployment/konsole, which is not in the overlay");
    }

    @Test
    void aDisruptionBudgetCoveringNoPodsFails() {
        ((ObjectNode) object("PodDisruptionBudget", "referral-service").path("spec").path("selector")
                .path("matchLabels")).put("app.kubernetes.io/name", "referral");
        assertProblem(References.scalingTargets(set), "matches no Deployment's pods");
    }

    @Test
    void aDisruptionBudgetThatBlocksDrainsFails() {
        ObjectNode spec = (ObjectNode) object("PodDisruptionBudget", "referral-service").get("spec");
        spec.remove("maxUnavailable");
        spec.put("minAvailable", 2);
        assertProblem(References.scalingTargets(set), "blocks every node drain");
    }

    @Test
    void aConfiguredTopicWithoutKafkaTopicFails() {
        assertEquals(List.of(), References.kafkaTopics(set));
        set.objects.remove(object("KafkaTopic", "pathway-events-dlq"));
        assertProblem(References.kafkaTopics(set), "topic pathway-events-dlq is configured");
    }

    @Test
    void aKafkaTopicNoServiceUsesFails() {
        ((ObjectNode) object("KafkaTopic", "referral-events").get("metadata")).put("name", "referrals");
        assertProblem(References.kafkaTopics(set), "KafkaTopic referrals is named in no service");
        assertProblem(References.kafkaTopics(set), "topic referral-events is configured");
    }

    @Test
    void theTopicsComeFromTheServicesConfiguration() {
        assertEquals(Set.of("pathway-events", "pathway-events-dlq", "referral-events", "referral-events-dlq"),
                Project.topics());
    }

    @Test
    void aKafkaTopicOfAnotherClusterFails() {
        assertEquals(List.of(), References.strimziClusters(set));
        ((ObjectNode) object("KafkaTopic", "pathway-events").path("metadata").path("labels"))
                .put("strimzi.io/cluster", "kafka");
        assertProblem(References.strimziClusters(set), "KafkaTopic/pathway-events");
    }

    @Test
    void anAddressOfNoServiceFails() {
        assertEquals(List.of(), References.addresses(set));
        env("referral-service", "QUARKUS_REST_CLIENT_PATHWAY_URL").put("value", "http://pathway:8080");
        assertProblem(References.addresses(set), "no Service pathway");
    }

    @Test
    void anAddressOnAPortTheServiceLacksFails() {
        env("console", "QUARKUS_REST_CLIENT_NOTIFICATION_URL").put("value", "http://notification-service:8083");
        assertProblem(References.addresses(set), "has no port 8083");
    }

    @Test
    void aKafkaAddressOfNoServiceFails() {
        ((ObjectNode) object("ConfigMap", "zorgpad-kafka").get("data")).put("bootstrap-servers", "kafka:9092");
        assertProblem(References.addresses(set), "KAFKA_BOOTSTRAP_SERVERS: no Service kafka");
    }

    @Test
    void anAddressOfAnUnknownHostFails() {
        ((ObjectNode) object("ConfigMap", "zorgpad-common").get("data"))
                .put("QUARKUS_OIDC_AUTH_SERVER_URL", "https://auth.example.nl/realms/zorgpad");
        assertProblem(References.addresses(set), "auth.example.nl is neither");
    }

    @Test
    void anEgressPolicyWithoutTheCallFails() {
        ArrayNode egress = (ArrayNode) object("NetworkPolicy", "referral-service").path("spec").path("egress");
        egress.remove(2);
        assertProblem(References.addresses(set),
                "Deployment/referral-service QUARKUS_REST_CLIENT_PATHWAY_URL: the NetworkPolicies block");
    }

    @Test
    void anIngressPolicyWithoutTheCallerFails() {
        ObjectNode peer = (ObjectNode) object("NetworkPolicy", "pathway-service").path("spec").path("ingress")
                .get(0).path("from").get(1);
        ((ArrayNode) peer.path("podSelector").path("matchExpressions").get(0).path("values")).remove(1);
        assertProblem(References.addresses(set),
                "Deployment/referral-service QUARKUS_REST_CLIENT_PATHWAY_URL: the NetworkPolicies block");
    }

    @Test
    void aDatabaseClosedToItsServiceFails() {
        ((ObjectNode) object("NetworkPolicy", "notification-db").path("spec").path("ingress").get(0).path("from")
                .get(0).path("podSelector").path("matchLabels")).put("app.kubernetes.io/name", "console");
        assertProblem(References.addresses(set), "Deployment/notification-service QUARKUS_DATASOURCE_JDBC_URL");
    }

    @Test
    void kafkaClosedToAServiceFails() {
        ArrayNode peers = (ArrayNode) object("Kafka", "zorgpad").path("spec").path("kafka").path("listeners").get(0)
                .path("networkPolicyPeers").get(0).path("podSelector").path("matchExpressions").get(0)
                .path("values");
        peers.remove(0);
        assertProblem(References.addresses(set), "Deployment/pathway-service KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void noWayToKeycloakFails() {
        // Without zorgpad-to-keycloak the default deny blocks the realm address for everyone.
        set.objects.remove(object("NetworkPolicy", "zorgpad-to-keycloak"));
        assertProblem(References.addresses(set), "QUARKUS_OIDC_AUTH_SERVER_URL: the NetworkPolicies block");
    }

    @Test
    void noDnsFails() {
        assertEquals(List.of(), References.dns(set));
        ((ArrayNode) object("NetworkPolicy", "zorgpad-dns").path("spec").path("egress").get(0).path("ports"))
                .remove(0);
        assertProblem(References.dns(set), "Deployment/console: the NetworkPolicies block DNS over UDP");
    }

    @Test
    void theIngressControllerShutOutFails() {
        ((ObjectNode) object("NetworkPolicy", "console").path("spec").path("ingress").get(0).path("ports").get(0))
                .put("port", 8081);
        assertProblem(References.ingressBackends(set), "the NetworkPolicies block the way to Deployment/console");
    }

    @Test
    void flywayWithTheApplicationRoleFails() {
        assertEquals(List.of(), References.databaseRoles(set));
        ((ObjectNode) env("pathway-service", "QUARKUS_FLYWAY_USERNAME").path("valueFrom").path("secretKeyRef"))
                .put("name", "pathway-db-application");
        assertProblem(References.databaseRoles(set), "Flyway logs in with Secret pathway-db-application");
    }

    @Test
    void anotherServicesDatabaseFails() {
        env("notification-service", "QUARKUS_DATASOURCE_JDBC_URL")
                .put("value", "jdbc:postgresql://referral-db-rw:5432/notification?sslmode=require");
        assertProblem(References.databaseRoles(set), "Deployment/notification-service: database /notification");
    }

    @Test
    void aRealmThatDiffersFromTheFileFails() {
        assertEquals(List.of(), References.keycloak(set));
        ((ObjectNode) object("KeycloakRealmImport", "zorgpad-realm").path("spec").path("realm"))
                .put("accessTokenLifespan", 3600);
        assertProblem(References.keycloak(set), "spec.realm differs");
    }

    @Test
    void aRealmAddressOtherThanKeycloaksHostnameFails() {
        ((ObjectNode) object("Keycloak", "keycloak").path("spec").path("hostname"))
                .put("hostname", "https://auth.example.nl");
        assertProblem(References.keycloak(set), "no Ingress leads auth.example.nl to keycloak-service");
        assertProblem(References.keycloak(set), "QUARKUS_OIDC_AUTH_SERVER_URL https://login.example.nl");
    }

    @Test
    void aConsoleHostTheRealmDoesNotRedirectToFails() {
        ((ObjectNode) object("Ingress", "zorgpad").path("spec").path("rules").get(0)).put("host", "www.example.nl");
        assertProblem(References.keycloak(set), "client zorgpad-console redirects to zorgpad.example.nl");
    }

    @Test
    void aRealmImportForAnotherKeycloakFails() {
        ((ObjectNode) object("KeycloakRealmImport", "zorgpad-realm").get("spec")).put("keycloakCRName", "kc");
        assertProblem(References.keycloak(set), "keycloakCRName kc");
    }

    private ObjectNode firstBackend(String ingress) {
        return (ObjectNode) object("Ingress", ingress).path("spec").path("rules").get(0).path("http").path("paths")
                .get(0).path("backend").path("service");
    }
}
