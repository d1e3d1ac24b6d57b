package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the objects of one overlay fit together: every name one object gives another must lead somewhere, and
 * every address an application is configured with must be reachable through the NetworkPolicies. Each check returns
 * its problems as sentences; an empty list means it passed.
 */
final class References {

    /** Where the ingress controller runs; network-policy.yaml names the same namespace. */
    static final String INGRESS_NAMESPACE = "ingress-nginx";

    private static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)");
    private static final Pattern URL = Pattern.compile("^https?://.*");

    private References() {
    }

    static List<String> all(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        problems.addAll(kinds(set));
        problems.addAll(serviceSelectors(set));
        problems.addAll(secrets(set));
        problems.addAll(configMaps(set));
        problems.addAll(ingressBackends(set));
        problems.addAll(networkPolicySelectors(set));
        problems.addAll(scalingTargets(set));
        problems.addAll(kafkaTopics(set));
        problems.addAll(strimziClusters(set));
        problems.addAll(addresses(set));
        problems.addAll(databaseRoles(set));
        problems.addAll(keycloak(set));
        problems.addAll(dns(set));
        return problems;
    }

    /** Every application may ask the cluster's DNS (kube-dns in kube-system) over UDP and TCP. */
    static List<String> dns(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        Network.Endpoint dns = new Network.Endpoint("kube-system", Map.of("k8s-app", "kube-dns"), Map.of());
        for (ObjectSet.Pods pods : set.pods()) {
            if (!pods.owner().startsWith("Deployment/")) {
                continue;
            }
            for (String protocol : List.of("UDP", "TCP")) {
                if (!Network.allowed(set.networkPolicies(), set.namespace, Network.Endpoint.of(pods), dns, 53,
                        protocol)) {
                    problems.add(pods.owner() + ": the NetworkPolicies block DNS over " + protocol);
                }
            }
        }
        return problems;
    }

    /** Every object is of a kind and API version we know how to check. */
    static List<String> kinds(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : set.objects) {
            if (!Models.known().contains(Models.Kind.of(object))) {
                problems.add(Kustomization.id(object) + ": unknown kind " + Models.Kind.of(object));
            }
        }
        return problems;
    }

    /** Deployments select their own pods; Services select a Deployment's pods and name ports those pods have. */
    static List<String> serviceSelectors(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : set.all("Deployment")) {
            if (!Network.matches(deployment.path("spec").path("selector"),
                    ObjectSet.strings(deployment.path("spec").path("template").path("metadata").path("labels")))) {
                problems.add(Kustomization.id(deployment) + ": its selector does not match its own pod template");
            }
        }
        List<ObjectSet.Pods> pods = set.pods();
        for (ObjectSet.Svc service : set.services()) {
            if (!service.owner().startsWith("Service/")) {
                continue;
            }
            List<ObjectSet.Pods> selected = pods.stream()
                    .filter(p -> !service.selector().isEmpty() && p.labels().entrySet().containsAll(
                            service.selector().entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(service.owner() + ": its selector " + service.selector() + " matches no pods");
            }
            for (ObjectSet.Pods p : selected) {
                for (ObjectSet.Port port : service.ports()) {
                    if (ObjectSet.targetPort(port, p) == 0) {
                        problems.add(service.owner() + ": port " + port.port() + " targets " + port.targetName()
                                + ", which " + p.owner() + " does not name");
                    }
                }
            }
        }
        return problems;
    }

    /** A reference to a Secret: by whom, its name and the key (null: the whole Secret). */
    record Ref(String from, String name, String key) {
    }

    static List<Ref> secretRefs(ObjectSet set) {
        List<Ref> refs = new ArrayList<>();
        for (ObjectNode deployment : set.all("Deployment")) {
            String from = Kustomization.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        refs.add(new Ref(from, ref.path("name").asText(), ref.path("key").asText()));
                    }
                }
                for (JsonNode envFrom : container.path("envFrom")) {
                    if (envFrom.has("secretRef")) {
                        refs.add(new Ref(from, envFrom.path("secretRef").path("name").asText(), null));
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("secret")) {
                    refs.add(new Ref(from, volume.path("secret").path("secretName").asText(), null));
                }
            }
        }
        for (ObjectNode ingress : set.all("Ingress")) {
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                refs.add(new Ref(Kustomization.id(ingress), tls.path("secretName").asText(), "tls.crt"));
                refs.add(new Ref(Kustomization.id(ingress), tls.path("secretName").asText(), "tls.key"));
            }
        }
        for (ObjectNode cluster : set.all("Cluster")) {
            String from = Kustomization.id(cluster);
            JsonNode spec = cluster.path("spec");
            // CloudNativePG reads username and password from each of these (kubernetes.io/basic-auth).
            List<String> names = new ArrayList<>();
            if (spec.path("bootstrap").path("initdb").has("secret")) {
                names.add(spec.path("bootstrap").path("initdb").path("secret").path("name").asText());
            }
            if (spec.has("superuserSecret")) {
                names.add(spec.path("superuserSecret").path("name").asText());
            }
            for (JsonNode role : spec.path("managed").path("roles")) {
                if (role.has("passwordSecret")) {
                    names.add(role.path("passwordSecret").path("name").asText());
                }
            }
            for (String name : names) {
                refs.add(new Ref(from, name, "username"));
                refs.add(new Ref(from, name, "password"));
            }
        }
        for (ObjectNode keycloak : set.all("Keycloak")) {
            String from = Kustomization.id(keycloak);
            for (String field : List.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = keycloak.path("spec").path("db").path(field);
                if (!ref.isMissingNode()) {
                    refs.add(new Ref(from, ref.path("name").asText(), ref.path("key").asText()));
                }
            }
            if (keycloak.path("spec").path("http").has("tlsSecret")) {
                refs.add(new Ref(from, keycloak.path("spec").path("http").path("tlsSecret").asText(), "tls.crt"));
            }
        }
        return refs;
    }

    /** Every Secret named exists, in the overlay or in the list of external ones, with the key named. */
    static List<String> secrets(ObjectSet set) {
        return secrets(set, ExternalSecrets.ALL);
    }

    static List<String> secrets(ObjectSet set, Map<String, Set<String>> external) {
        Map<String, Set<String>> known = new LinkedHashMap<>(external);
        for (ObjectNode secret : set.all("Secret")) {
            Set<String> keys = new HashSet<>();
            secret.path("data").fieldNames().forEachRemaining(keys::add);
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            known.put(ObjectSet.name(secret), keys);
        }
        List<String> problems = new ArrayList<>();
        for (Ref ref : secretRefs(set)) {
            Set<String> keys = known.get(ref.name());
            if (keys == null) {
                problems.add(ref.from() + ": Secret " + ref.name() + " is neither in the overlay nor an external "
                        + "Secret (ExternalSecrets)");
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                problems.add(ref.from() + ": Secret " + ref.name() + " has no key " + ref.key());
            }
        }
        return problems;
    }

    /** A container's environment as far as ConfigMaps give it: envFrom, then env values and configMapKeyRefs. */
    static Map<String, String> environment(ObjectSet set, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode envFrom : container.path("envFrom")) {
            if (envFrom.has("configMapRef")) {
                set.get("ConfigMap", envFrom.path("configMapRef").path("name").asText())
                        .ifPresent(map -> env.putAll(ObjectSet.strings(map.path("data"))));
            }
        }
        for (JsonNode e : container.path("env")) {
            if (e.has("value")) {
                env.put(e.path("name").asText(), e.path("value").asText());
            }
            JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
            if (!ref.isMissingNode()) {
                set.get("ConfigMap", ref.path("name").asText())
                        .map(map -> map.path("data").path(ref.path("key").asText()))
                        .filter(JsonNode::isTextual)
                        .ifPresent(value -> env.put(e.path("name").asText(), value.asText()));
            }
        }
        return env;
    }

    /** Every ConfigMap named exists in the overlay, with the key named. */
    static List<String> configMaps(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : set.all("Deployment")) {
            String from = Kustomization.id(deployment);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            List<String[]> refs = new ArrayList<>();
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode env : container.path("env")) {
                    JsonNode ref = env.path("valueFrom").path("configMapKeyRef");
                    if (!ref.isMissingNode()) {
                        refs.add(new String[] {ref.path("name").asText(), ref.path("key").asText()});
                    }
                }
                for (JsonNode envFrom : container.path("envFrom")) {
                    if (envFrom.has("configMapRef")) {
                        refs.add(new String[] {envFrom.path("configMapRef").path("name").asText(), null});
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    refs.add(new String[] {volume.path("configMap").path("name").asText(), null});
                }
            }
            for (String[] ref : refs) {
                Optional<ObjectNode> map = set.get("ConfigMap", ref[0]);
                if (map.isEmpty()) {
                    problems.add(from + ": ConfigMap " + ref[0] + " is not in the overlay");
                } else if (ref[1] != null && !map.get().path("data").has(ref[1])) {
                    problems.add(from + ": ConfigMap " + ref[0] + " has no key " + ref[1]);
                }
            }
        }
        return problems;
    }

    /** Ingress backends name Services and ports that exist, whose pods let the ingress controller in. */
    static List<String> ingressBackends(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode ingress : set.all("Ingress")) {
            String from = Kustomization.id(ingress);
            Set<String> tlsHosts = new HashSet<>();
            for (JsonNode tls : ingress.path("spec").path("tls")) {
                tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
            }
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asText())) {
                    problems.add(from + ": host " + rule.path("host").asText() + " has no TLS certificate");
                }
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    String where = from + " " + rule.path("host").asText() + path.path("path").asText();
                    problems.addAll(reach(set, where, Network.Endpoint.namespace(INGRESS_NAMESPACE),
                            backend.path("name").asText(), backend.path("port")));
                }
            }
        }
        return problems;
    }

    /**
     * From {@code from} to a Service's port (a number, or a JSON port as an Ingress backend gives it): the Service
     * exists, has the port, selects pods, and the NetworkPolicies let the connection through to each of them.
     */
    private static List<String> reach(ObjectSet set, String where, Network.Endpoint from, String service,
            JsonNode port) {
        List<String> problems = new ArrayList<>();
        Optional<ObjectSet.Svc> svc = set.service(service);
        if (svc.isEmpty()) {
            problems.add(where + ": no Service " + service + " in the overlay or made by an operator");
            return problems;
        }
        Optional<ObjectSet.Port> p = svc.get().ports().stream()
                .filter(candidate -> port.has("name") ? candidate.name().equals(port.path("name").asText())
                        : candidate.port() == port.path("number").asInt(port.asInt()))
                .findFirst();
        if (p.isEmpty()) {
            problems.add(where + ": Service " + service + " has no port " + port);
            return problems;
        }
        List<ObjectSet.Pods> targets = set.pods().stream()
                .filter(pods -> pods.labels().entrySet().containsAll(svc.get().selector().entrySet()))
                .toList();
        if (targets.isEmpty()) {
            problems.add(where + ": Service " + service + " selects no pods");
        }
        List<JsonNode> policies = set.networkPolicies();
        for (ObjectSet.Pods target : targets) {
            int containerPort = ObjectSet.targetPort(p.get(), target);
            if (!Network.allowed(policies, set.namespace, from, Network.Endpoint.of(target), containerPort)) {
                problems.add(where + ": the NetworkPolicies block the way to " + target.owner() + " port "
                        + containerPort + " (Service " + service + ")");
            }
        }
        return problems;
    }

    /** Every selector of a NetworkPolicy selects pods; so do the peers Strimzi turns into one. */
    static List<String> networkPolicySelectors(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        List<ObjectSet.Pods> pods = set.pods();
        for (ObjectNode policy : set.all("NetworkPolicy")) {
            String id = Kustomization.id(policy);
            JsonNode spec = policy.path("spec");
            if (pods.stream().noneMatch(p -> Network.matches(spec.path("podSelector"), p.labels()))) {
                problems.add(id + ": podSelector " + spec.path("podSelector") + " selects no pods");
            }
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : spec.path(direction)) {
                    for (JsonNode peer : rule.path("ingress".equals(direction) ? "from" : "to")) {
                        problems.addAll(peerSelects(id, peer, pods));
                    }
                }
            }
        }
        for (ObjectNode kafka : set.all("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    problems.addAll(peerSelects(Kustomization.id(kafka), peer, pods));
                }
            }
        }
        return problems;
    }

    private static List<String> peerSelects(String id, JsonNode peer, List<ObjectSet.Pods> pods) {
        if (peer.has("podSelector") && !peer.has("namespaceSelector")
                && pods.stream().noneMatch(p -> Network.matches(peer.get("podSelector"), p.labels()))) {
            return List.of(id + ": peer " + peer.get("podSelector") + " selects no pods");
        }
        return List.of();
    }

    /** HorizontalPodAutoscalers scale Deployments that exist; PodDisruptionBudgets cover pods and allow a drain. */
    static List<String> scalingTargets(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode hpa : set.all("HorizontalPodAutoscaler")) {
            JsonNode target = hpa.path("spec").path("scaleTargetRef");
            if (!"Deployment".equals(target.path("kind").asText())
                    || set.get("Deployment", target.path("name").asText()).isEmpty()) {
                problems.add(Kustomization.id(hpa) + ": scales " + target.path("kind").asText() + "/"
                        + target.path("name").asText() + ", which is not in the overlay");
            }
        }
        for (ObjectNode pdb : set.all("PodDisruptionBudget")) {
            List<ObjectNode> covered = set.all("Deployment").stream()
                    .filter(d -> Network.matches(pdb.path("spec").path("selector"), ObjectSet.strings(
                            d.path("spec").path("template").path("metadata").path("labels"))))
                    .toList();
            if (covered.isEmpty()) {
                problems.add(Kustomization.id(pdb) + ": its selector matches no Deployment's pods");
            }
            JsonNode minAvailable = pdb.path("spec").path("minAvailable");
            for (ObjectNode deployment : covered) {
                int replicas = deployment.path("spec").path("replicas").asInt(1);
                if (minAvailable.isInt() && minAvailable.asInt() >= replicas) {
                    problems.add(Kustomization.id(pdb) + ": minAvailable " + minAvailable.asInt() + " of "
                            + replicas + " replicas blocks every node drain");
                }
            }
        }
        return problems;
    }

    /** The KafkaTopics are exactly the topics the services' configuration names. */
    static List<String> kafkaTopics(ObjectSet set) {
        return kafkaTopics(set, Project.topics());
    }

    static List<String> kafkaTopics(ObjectSet set, Set<String> configured) {
        Set<String> declared = new TreeSet<>();
        for (ObjectNode topic : set.all("KafkaTopic")) {
            declared.add(topic.path("spec").path("topicName").asText(ObjectSet.name(topic)));
        }
        List<String> problems = new ArrayList<>();
        for (String name : configured) {
            if (!declared.contains(name)) {
                problems.add("topic " + name + " is configured in a service but has no KafkaTopic");
            }
        }
        for (String name : declared) {
            if (!configured.contains(name)) {
                problems.add("KafkaTopic " + name + " is named in no service's application.properties");
            }
        }
        return problems;
    }

    /** KafkaTopics and KafkaNodePools belong to a Kafka of the overlay (label strimzi.io/cluster). */
    static List<String> strimziClusters(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (String kind : List.of("KafkaTopic", "KafkaNodePool")) {
            for (ObjectNode object : set.all(kind)) {
                String cluster = object.path("metadata").path("labels").path("strimzi.io/cluster").asText();
                if (set.get("Kafka", cluster).isEmpty()) {
                    problems.add(Kustomization.id(object) + ": strimzi.io/cluster \"" + cluster + "\" is no Kafka");
                }
            }
        }
        return problems;
    }

    /** An address an application is configured with. */
    record Address(String variable, String host, int port, String path) {
    }

    static List<Address> addresses(Map<String, String> environment) {
        List<Address> addresses = new ArrayList<>();
        environment.forEach((variable, value) -> {
            Matcher jdbc = JDBC.matcher(value);
            if (jdbc.find()) {
                addresses.add(new Address(variable, jdbc.group(1),
                        jdbc.group(2) == null ? 5432 : Integer.parseInt(jdbc.group(2)), "/" + jdbc.group(3)));
            } else if (URL.matcher(value).matches()) {
                URI uri = URI.create(value);
                int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
                addresses.add(new Address(variable, uri.getHost(), port, uri.getPath()));
            } else if (variable.endsWith("BOOTSTRAP_SERVERS")) {
                for (String server : value.split(",")) {
                    String[] hostPort = server.trim().split(":");
                    addresses.add(new Address(variable, hostPort[0], Integer.parseInt(hostPort[1]), ""));
                }
            }
        });
        return addresses;
    }

    /**
     * Every address in an application's environment leads somewhere and is let through: a Service of the overlay
     * (declared or made by an operator) with that port, or a host of the overlay's Ingresses (then through the
     * ingress controller on 443), and the NetworkPolicies allow the connection.
     */
    static List<String> addresses(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        Map<String, List<String>> ingressHosts = ingressHosts(set);
        List<JsonNode> policies = set.networkPolicies();
        for (ObjectNode deployment : set.all("Deployment")) {
            Network.Endpoint from = Network.Endpoint.of(set.pods().stream()
                    .filter(p -> p.owner().equals(Kustomization.id(deployment))).findFirst().orElseThrow());
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                for (Address address : addresses(environment(set, container))) {
                    String where = Kustomization.id(deployment) + " " + address.variable();
                    String service = serviceName(set, address.host());
                    if (service != null) {
                        problems.addAll(reach(set, where, from, service,
                                Yaml.MAPPER.getNodeFactory().numberNode(address.port())));
                    } else if (ingressHosts.containsKey(address.host())) {
                        if (address.port() != 443) {
                            problems.add(where + ": " + address.host() + " is served over HTTPS on 443 only");
                        } else if (ingressHosts.get(address.host()).stream().noneMatch(p -> prefixOf(p, address))) {
                            problems.add(where + ": no Ingress path of " + address.host() + " leads to "
                                    + address.path());
                        } else if (!Network.allowed(policies, set.namespace, from,
                                Network.Endpoint.namespace(INGRESS_NAMESPACE), 443)) {
                            problems.add(where + ": the NetworkPolicies block the way to the ingress controller");
                        }
                    } else {
                        problems.add(where + ": " + address.host() + " is neither a Service of the overlay nor a "
                                + "host of its Ingresses");
                    }
                }
            }
        }
        return problems;
    }

    private static boolean prefixOf(String ingressPath, Address address) {
        String prefix = ingressPath.endsWith("/") ? ingressPath.substring(0, ingressPath.length() - 1) : ingressPath;
        return prefix.isEmpty() || address.path().equals(prefix) || address.path().startsWith(prefix + "/");
    }

    /** Host to the paths its Ingress rules route. */
    static Map<String, List<String>> ingressHosts(ObjectSet set) {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        for (ObjectNode ingress : set.all("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                List<String> paths = hosts.computeIfAbsent(rule.path("host").asText(), h -> new ArrayList<>());
                rule.path("http").path("paths").forEach(p -> paths.add(p.path("path").asText()));
            }
        }
        return hosts;
    }

    /** The Service a host names inside the cluster (name, name.ns, name.ns.svc[.cluster.local]), else null. */
    static String serviceName(ObjectSet set, String host) {
        String[] labels = host.split("\\.", 2);
        if (labels.length == 1) {
            return host;
        }
        String rest = labels[1];
        if (rest.equals(set.namespace) || rest.equals(set.namespace + ".svc")
                || rest.equals(set.namespace + ".svc.cluster.local")) {
            return labels[0];
        }
        return null;
    }

    /**
     * The roles a service logs in with are those its database cluster creates: Flyway's Secret is the owner's
     * (bootstrap.initdb.secret), the run-time Secret is a managed role's, and the URL names the cluster's database.
     */
    static List<String> databaseRoles(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        for (ObjectNode deployment : set.all("Deployment")) {
            for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
                Map<String, String> env = environment(set, container);
                String url = env.get("QUARKUS_DATASOURCE_JDBC_URL");
                if (url == null) {
                    continue;
                }
                String where = Kustomization.id(deployment);
                Address address = addresses(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url)).get(0);
                String service = serviceName(set, address.host());
                Optional<ObjectNode> cluster = service == null || !service.endsWith("-rw") ? Optional.empty()
                        : set.get("Cluster", service.substring(0, service.length() - 3));
                if (cluster.isEmpty()) {
                    problems.add(where + ": " + url + " is not a CloudNativePG cluster's -rw service");
                    continue;
                }
                JsonNode initdb = cluster.get().path("spec").path("bootstrap").path("initdb");
                if (!address.path().equals("/" + initdb.path("database").asText())) {
                    problems.add(where + ": database " + address.path() + " is not the one "
                            + Kustomization.id(cluster.get()) + " creates");
                }
                String owner = secretOf(container, "QUARKUS_FLYWAY_USERNAME");
                if (!initdb.path("secret").path("name").asText().equals(owner)) {
                    problems.add(where + ": Flyway logs in with Secret " + owner + ", not the owner's "
                            + initdb.path("secret").path("name").asText());
                }
                String application = secretOf(container, "QUARKUS_DATASOURCE_USERNAME");
                boolean managed = false;
                for (JsonNode role : cluster.get().path("spec").path("managed").path("roles")) {
                    managed |= role.path("passwordSecret").path("name").asText().equals(application);
                }
                if (!managed) {
                    problems.add(where + ": the application role's Secret " + application + " is no managed role of "
                            + Kustomization.id(cluster.get()));
                }
            }
        }
        return problems;
    }

    private static String secretOf(JsonNode container, String variable) {
        for (JsonNode env : container.path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
            }
        }
        return null;
    }

    /**
     * Keycloak: the realm import names a Keycloak of the overlay and carries the production realm file unchanged;
     * Keycloak's database is a Service it may reach; its public hostname is an Ingress host leading to it, and the
     * applications' realm address is that hostname's realm.
     */
    static List<String> keycloak(ObjectSet set) {
        List<String> problems = new ArrayList<>();
        JsonNode productionRealm;
        try {
            productionRealm = Yaml.MAPPER.readTree(Project.productionRealm().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ObjectNode realmImport : set.all("KeycloakRealmImport")) {
            String id = Kustomization.id(realmImport);
            String keycloak = realmImport.path("spec").path("keycloakCRName").asText();
            if (set.get("Keycloak", keycloak).isEmpty()) {
                problems.add(id + ": keycloakCRName " + keycloak + " is no Keycloak of the overlay");
            }
            if (!realmImport.path("spec").path("realm").equals(productionRealm)) {
                problems.add(id + ": spec.realm differs from deploy/keycloak/zorgpad-realm-production.json");
            }
            // Keycloak sends a browser back only to these; a host no Ingress serves would end every login there.
            Map<String, List<String>> hosts = ingressHosts(set);
            for (JsonNode client : realmImport.path("spec").path("realm").path("clients")) {
                for (JsonNode redirect : client.path("redirectUris")) {
                    String host = URI.create(redirect.asText().replace("*", "")).getHost();
                    if (!hosts.containsKey(host)) {
                        problems.add(id + ": client " + client.path("clientId").asText() + " redirects to " + host
                                + ", which no Ingress serves");
                    }
                }
            }
        }
        for (ObjectNode keycloak : set.all("Keycloak")) {
            String id = Kustomization.id(keycloak);
            JsonNode db = keycloak.path("spec").path("db");
            Network.Endpoint server = Network.Endpoint.of(set.pods().stream()
                    .filter(p -> p.owner().equals(id)).findFirst().orElseThrow());
            String service = serviceName(set, db.path("host").asText());
            if (service == null) {
                problems.add(id + ": database host " + db.path("host").asText() + " is not in the cluster");
            } else {
                problems.addAll(reach(set, id + " db", server, service,
                        Yaml.MAPPER.getNodeFactory().numberNode(db.path("port").asInt(5432))));
            }
            URI hostname = URI.create(keycloak.path("spec").path("hostname").path("hostname").asText());
            String own = ObjectSet.name(keycloak) + "-service";
            boolean routed = false;
            for (ObjectNode ingress : set.all("Ingress")) {
                for (JsonNode rule : ingress.path("spec").path("rules")) {
                    for (JsonNode path : rule.path("http").path("paths")) {
                        routed |= rule.path("host").asText().equals(hostname.getHost())
                                && own.equals(path.path("backend").path("service").path("name").asText());
                    }
                }
            }
            if (!routed) {
                problems.add(id + ": no Ingress leads " + hostname.getHost() + " to " + own);
            }
            for (ObjectNode realmImport : set.all("KeycloakRealmImport")) {
                String expected = hostname + "/realms/" + realmImport.path("spec").path("realm").path("realm").asText();
                for (ObjectNode deployment : set.all("Deployment")) {
                    for (JsonNode container : deployment.path("spec").path("template").path("spec")
                            .path("containers")) {
                        String url = environment(set, container).get("QUARKUS_OIDC_AUTH_SERVER_URL");
                        if (!expected.equals(url)) {
                            problems.add(Kustomization.id(deployment) + ": QUARKUS_OIDC_AUTH_SERVER_URL " + url
                                    + " is not " + expected);
                        }
                    }
                }
            }
        }
        return problems;
    }
}
