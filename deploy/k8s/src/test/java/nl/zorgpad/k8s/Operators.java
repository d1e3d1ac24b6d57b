package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the operators create from our resources, as far as the other objects refer to it: their pods' labels and
 * ports, their Services, and Strimzi's NetworkPolicy for the listeners. Taken from the operators' documentation,
 * in this one place; a real cluster is the only proof that they still name things this way (README, "What is not
 * proven here").
 */
final class Operators {

    private Operators() {
    }

    static List<ObjectSet.Pods> pods(ObjectSet set) {
        List<ObjectSet.Pods> pods = new ArrayList<>();
        // CloudNativePG: instance pods carry cnpg.io/cluster; PostgreSQL on 5432, the instance manager on 8000.
        for (ObjectNode cluster : set.all("Cluster")) {
            pods.add(new ObjectSet.Pods("Cluster/" + ObjectSet.name(cluster), set.namespace,
                    Map.of("cnpg.io/cluster", ObjectSet.name(cluster), "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", 5432, "status", 8000, "metrics", 9187)));
        }
        // Strimzi: every pod of a node pool carries strimzi.io/cluster, strimzi.io/kind: Kafka, strimzi.io/pool-name
        // and a role label per role; the listeners' ports are the brokers' container ports.
        for (ObjectNode pool : set.all("KafkaNodePool")) {
            String cluster = pool.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("strimzi.io/cluster", cluster);
            labels.put("strimzi.io/kind", "Kafka");
            labels.put("strimzi.io/name", cluster + "-kafka");
            labels.put("strimzi.io/pool-name", ObjectSet.name(pool));
            List<String> roles = new ArrayList<>();
            pool.path("spec").path("roles").forEach(r -> roles.add(r.asText()));
            labels.put("strimzi.io/broker-role", String.valueOf(roles.contains("broker")));
            labels.put("strimzi.io/controller-role", String.valueOf(roles.contains("controller")));
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("tcp-ctrlplane", 9090);
            ports.put("tcp-replication", 9091);
            set.get("Kafka", cluster).ifPresent(kafka -> {
                for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                    ports.put("tcp-" + listener.path("name").asText(), listener.path("port").asInt());
                }
            });
            pods.add(new ObjectSet.Pods("KafkaNodePool/" + ObjectSet.name(pool), set.namespace, labels, ports));
        }
        // The Keycloak Operator: its server pods carry app: keycloak and the resource's name as instance.
        for (ObjectNode keycloak : set.all("Keycloak")) {
            pods.add(new ObjectSet.Pods("Keycloak/" + ObjectSet.name(keycloak), set.namespace,
                    keycloakLabels(keycloak), Map.of("http", 8080, "https", 8443, "management", 9000)));
        }
        return pods;
    }

    static List<ObjectSet.Svc> services(ObjectSet set) {
        List<ObjectSet.Svc> services = new ArrayList<>();
        // CloudNativePG: <cluster>-rw (primary), -ro (standbys), -r (any instance), all on 5432.
        for (ObjectNode cluster : set.all("Cluster")) {
            String name = ObjectSet.name(cluster);
            for (String suffix : List.of("-rw", "-ro", "-r")) {
                services.add(new ObjectSet.Svc(name + suffix, "Cluster/" + name,
                        Map.of("cnpg.io/cluster", name),
                        List.of(new ObjectSet.Port("postgres", 5432, null, 5432))));
            }
        }
        // Strimzi: <cluster>-kafka-bootstrap on every listener's port, selecting the brokers.
        for (ObjectNode kafka : set.all("Kafka")) {
            String name = ObjectSet.name(kafka);
            List<ObjectSet.Port> ports = new ArrayList<>();
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                int port = listener.path("port").asInt();
                ports.add(new ObjectSet.Port("tcp-" + listener.path("name").asText(), port, null, port));
            }
            services.add(new ObjectSet.Svc(name + "-kafka-bootstrap", "Kafka/" + name,
                    Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true"),
                    ports));
        }
        // The Keycloak Operator: <name>-service, http on the HTTP port when HTTP is enabled, https on 8443 with TLS.
        for (ObjectNode keycloak : set.all("Keycloak")) {
            JsonNode http = keycloak.path("spec").path("http");
            List<ObjectSet.Port> ports = new ArrayList<>();
            if (http.path("httpEnabled").asBoolean(false)) {
                int port = http.path("httpPort").asInt(8080);
                ports.add(new ObjectSet.Port("http", port, null, port));
            }
            if (http.has("tlsSecret")) {
                int port = http.path("httpsPort").asInt(8443);
                ports.add(new ObjectSet.Port("https", port, null, port));
            }
            String name = ObjectSet.name(keycloak);
            services.add(new ObjectSet.Svc(name + "-service", "Keycloak/" + name, keycloakLabels(keycloak), ports));
        }
        return services;
    }

    /**
     * Strimzi's own NetworkPolicy on the Kafka pods: per listener, its port from its networkPolicyPeers (from
     * anywhere when it names none). The ports among the Kafka nodes themselves are left out: no application
     * uses them.
     */
    static List<JsonNode> networkPolicies(ObjectSet set) {
        List<JsonNode> policies = new ArrayList<>();
        for (ObjectNode kafka : set.all("Kafka")) {
            ObjectNode policy = Yaml.MAPPER.createObjectNode();
            policy.put("apiVersion", "networking.k8s.io/v1").put("kind", "NetworkPolicy");
            policy.putObject("metadata").put("name", ObjectSet.name(kafka) + "-network-policy-kafka");
            ObjectNode spec = policy.putObject("spec");
            spec.putObject("podSelector").putObject("matchLabels")
                    .put("strimzi.io/cluster", ObjectSet.name(kafka)).put("strimzi.io/kind", "Kafka");
            spec.putArray("policyTypes").add("Ingress");
            ArrayNode ingress = spec.putArray("ingress");
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                ObjectNode rule = ingress.addObject();
                if (listener.has("networkPolicyPeers")) {
                    rule.set("from", listener.get("networkPolicyPeers").deepCopy());
                }
                rule.putArray("ports").addObject().put("protocol", "TCP").put("port", listener.path("port").asInt());
            }
            policies.add(policy);
        }
        return policies;
    }

    private static Map<String, String> keycloakLabels(JsonNode keycloak) {
        return Map.of("app", "keycloak", "app.kubernetes.io/instance", ObjectSet.name(keycloak),
                "app.kubernetes.io/managed-by", "keycloak-operator");
    }
}
