package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One overlay's objects, and what they imply at run time: the pods and Services of the Deployments, plus those the
 * operators create from their resources ({@link Operators}).
 */
final class ObjectSet {

    /** A group of identical pods (a Deployment's, or an operator's), with the ports its containers name. */
    record Pods(String owner, String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
    }

    record Port(String name, int port, String targetName, int targetNumber) {
    }

    /** A Service, declared or created by an operator. */
    record Svc(String name, String owner, Map<String, String> selector, List<Port> ports) {
        Optional<Port> port(int number) {
            return ports.stream().filter(p -> p.port() == number).findFirst();
        }
    }

    final String namespace;
    final List<ObjectNode> objects;

    ObjectSet(String namespace, List<ObjectNode> objects) {
        this.namespace = namespace;
        this.objects = objects;
    }

    List<ObjectNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<ObjectNode> get(String kind, String name) {
        return all(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst();
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> result = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asText()));
        return result;
    }

    /** The pods of the Deployments, then those of the operators. */
    List<Pods> pods() {
        List<Pods> pods = new ArrayList<>();
        for (ObjectNode deployment : all("Deployment")) {
            JsonNode template = deployment.path("spec").path("template");
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (JsonNode container : template.path("spec").path("containers")) {
                for (JsonNode port : container.path("ports")) {
                    ports.put(port.path("name").asText(), port.path("containerPort").asInt());
                }
            }
            pods.add(new Pods("Deployment/" + name(deployment), namespace,
                    strings(template.path("metadata").path("labels")), ports));
        }
        pods.addAll(Operators.pods(this));
        return pods;
    }

    /** The declared Services, then those the operators create. */
    List<Svc> services() {
        List<Svc> services = new ArrayList<>();
        for (ObjectNode service : all("Service")) {
            List<Port> ports = new ArrayList<>();
            for (JsonNode port : service.path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                ports.add(new Port(port.path("name").asText(), port.path("port").asInt(),
                        target.isTextual() ? target.asText() : null,
                        target.isInt() ? target.asInt() : target.isMissingNode() ? port.path("port").asInt() : 0));
            }
            services.add(new Svc(name(service), "Service/" + name(service),
                    strings(service.path("spec").path("selector")), ports));
        }
        services.addAll(Operators.services(this));
        return services;
    }

    Optional<Svc> service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The container port a Service port leads to on the given pods (0 when a named target is not there). */
    static int targetPort(Port port, Pods pods) {
        return port.targetName() == null ? port.targetNumber() : pods.namedPorts().getOrDefault(port.targetName(), 0);
    }

    /** The declared NetworkPolicies, then those the operators create. */
    List<JsonNode> networkPolicies() {
        List<JsonNode> policies = new ArrayList<>(all("NetworkPolicy"));
        policies.addAll(Operators.networkPolicies(this));
        return policies;
    }
}
