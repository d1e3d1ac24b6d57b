package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kubernetes NetworkPolicy semantics for one connection: a pod may open it when every policy that selects it for
 * egress lets it out (or none does) and every policy that selects the other end for ingress lets it in (or none
 * does). Only what our policies use: pod and namespace selectors, ports by number or name; an ipBlock never
 * matches a pod or a namespace here.
 */
final class Network {

    /** One end of a connection: a group of pods, or "some pod" in a namespace we know only by name. */
    record Endpoint(String namespace, Map<String, String> labels, Map<String, Integer> namedPorts) {
        static Endpoint of(ObjectSet.Pods pods) {
            return new Endpoint(pods.namespace(), pods.labels(), pods.namedPorts());
        }

        static Endpoint namespace(String name) {
            return new Endpoint(name, Map.of(), Map.of());
        }
    }

    private Network() {
    }

    static boolean allowed(List<JsonNode> policies, String policyNamespace, Endpoint from, Endpoint to, int port) {
        return allowed(policies, policyNamespace, from, to, port, "TCP");
    }

    static boolean allowed(List<JsonNode> policies, String policyNamespace, Endpoint from, Endpoint to, int port,
            String protocol) {
        return passes(policies, policyNamespace, from, to, port, protocol, "Egress")
                && passes(policies, policyNamespace, to, from, port, protocol, "Ingress");
    }

    /** Whether the policies selecting {@code subject} for this direction let {@code peer} through on the port. */
    private static boolean passes(List<JsonNode> policies, String namespace, Endpoint subject, Endpoint peer,
            int port, String protocol, String direction) {
        if (!namespace.equals(subject.namespace())) {
            return true;
        }
        boolean selected = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!hasType(spec, direction) || !matches(spec.path("podSelector"), subject.labels())) {
                continue;
            }
            selected = true;
            String peersField = "Egress".equals(direction) ? "to" : "from";
            for (JsonNode rule : spec.path(direction.toLowerCase())) {
                Endpoint target = "Egress".equals(direction) ? peer : subject;
                if (peersMatch(rule.path(peersField), peer, namespace)
                        && portsMatch(rule.path("ports"), target, port, protocol)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean hasType(JsonNode spec, String direction) {
        JsonNode types = spec.path("policyTypes");
        if (types.isMissingNode()) {
            return "Ingress".equals(direction) || spec.has("egress");
        }
        for (JsonNode type : types) {
            if (direction.equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private static boolean peersMatch(JsonNode peers, Endpoint peer, String policyNamespace) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                continue;
            }
            boolean namespaceOk = p.has("namespaceSelector")
                    ? matches(p.get("namespaceSelector"), Map.of("kubernetes.io/metadata.name", peer.namespace()))
                    : Objects.equals(policyNamespace, peer.namespace());
            boolean podOk = !p.has("podSelector") || matches(p.get("podSelector"), peer.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    private static boolean portsMatch(JsonNode ports, Endpoint target, int port, String protocol) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!protocol.equals(p.path("protocol").asText("TCP"))) {
                continue;
            }
            JsonNode number = p.path("port");
            if (number.isMissingNode()
                    || number.isInt() && (number.asInt() == port
                            || p.has("endPort") && number.asInt() <= port && port <= p.get("endPort").asInt())
                    || number.isTextual() && Integer.valueOf(port).equals(target.namedPorts().get(number.asText()))) {
                return true;
            }
        }
        return false;
    }

    /** A label selector (matchLabels, matchExpressions) against a pod's or namespace's labels; {} matches all. */
    static boolean matches(JsonNode selector, Map<String, String> labels) {
        var fields = selector.path("matchLabels").fields();
        while (fields.hasNext()) {
            var entry = fields.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean in = false;
            for (JsonNode v : expression.path("values")) {
                in |= v.asText().equals(value);
            }
            boolean ok = switch (expression.path("operator").asText()) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("selector operator " + expression.path("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
