package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.strimzi.crdgenerator.annotations.PresentInVersions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks each object against the API of its kind: the fabric8 Kubernetes model for the built-in kinds, Strimzi's own
 * model (io.strimzi:api) for Kafka, KafkaNodePool and KafkaTopic, and trimmed copies of the CRD schemas
 * (src/test/resources/crd-schemas) for the CloudNativePG and Keycloak Operator kinds. A kind not listed here is an
 * error: adding one means choosing how to check it.
 */
final class Models {

    record Kind(String apiVersion, String kind) {
        static Kind of(JsonNode object) {
            return new Kind(object.path("apiVersion").asText(), object.path("kind").asText());
        }

        @Override
        public String toString() {
            return apiVersion + " " + kind;
        }
    }

    static final Map<Kind, Class<?>> KUBERNETES = Map.of(
            new Kind("v1", "Namespace"), io.fabric8.kubernetes.api.model.Namespace.class,
            new Kind("v1", "ConfigMap"), io.fabric8.kubernetes.api.model.ConfigMap.class,
            new Kind("v1", "Secret"), io.fabric8.kubernetes.api.model.Secret.class,
            new Kind("v1", "Service"), io.fabric8.kubernetes.api.model.Service.class,
            new Kind("apps/v1", "Deployment"), io.fabric8.kubernetes.api.model.apps.Deployment.class,
            new Kind("policy/v1", "PodDisruptionBudget"),
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            new Kind("autoscaling/v2", "HorizontalPodAutoscaler"),
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            new Kind("networking.k8s.io/v1", "NetworkPolicy"),
            io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            new Kind("networking.k8s.io/v1", "Ingress"), io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);

    static final Map<Kind, Class<?>> STRIMZI = Map.of(
            new Kind("kafka.strimzi.io/v1", "Kafka"), io.strimzi.api.kafka.model.kafka.Kafka.class,
            new Kind("kafka.strimzi.io/v1", "KafkaNodePool"), io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class,
            new Kind("kafka.strimzi.io/v1", "KafkaTopic"), io.strimzi.api.kafka.model.topic.KafkaTopic.class);

    static final Map<Kind, String> SCHEMAS = Map.of(
            new Kind("postgresql.cnpg.io/v1", "Cluster"), "cnpg-cluster.schema.yaml",
            new Kind("k8s.keycloak.org/v2alpha1", "Keycloak"), "keycloak.schema.yaml",
            new Kind("k8s.keycloak.org/v2alpha1", "KeycloakRealmImport"), "keycloak-realm-import.schema.yaml");

    /** The Kubernetes model, strict: an unknown field fails instead of landing in the classes' catch-all map. */
    private static final ObjectMapper KUBERNETES_MAPPER = strict(null);
    /** Strimzi's model, strict, and blind to the properties its classes mark as absent from v1. */
    private static final ObjectMapper STRIMZI_V1_MAPPER = strict(new SimpleModule().setDeserializerModifier(
            new BeanDeserializerModifier() {
                @Override
                public List<BeanPropertyDefinition> updateProperties(DeserializationConfig config,
                        BeanDescription description, List<BeanPropertyDefinition> properties) {
                    properties.removeIf(property -> !presentIn("v1", property));
                    return properties;
                }
            }));

    private static final Map<String, Schema> SCHEMA_CACHE = new ConcurrentHashMap<>();

    private Models() {
    }

    static Set<Kind> known() {
        Set<Kind> kinds = new HashSet<>(KUBERNETES.keySet());
        kinds.addAll(STRIMZI.keySet());
        kinds.addAll(SCHEMAS.keySet());
        return kinds;
    }

    /** What is wrong with this object as its API sees it; empty when nothing is. */
    static List<String> check(ObjectNode object) {
        Kind kind = Kind.of(object);
        String id = Kustomization.id(object);
        List<String> problems = new ArrayList<>();
        try {
            if (KUBERNETES.containsKey(kind)) {
                KUBERNETES_MAPPER.treeToValue(object, KUBERNETES.get(kind));
            } else if (STRIMZI.containsKey(kind)) {
                STRIMZI_V1_MAPPER.treeToValue(object, STRIMZI.get(kind));
            } else if (SCHEMAS.containsKey(kind)) {
                for (Error error : schema(SCHEMAS.get(kind)).validate(object)) {
                    problems.add(id + ": " + error);
                }
            } else {
                problems.add(id + ": unknown kind " + kind + " (known: " + known() + ")");
            }
        } catch (JsonMappingException e) {
            problems.add(id + ": " + path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(id + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        return problems;
    }

    /** Where in the object the mapping failed, as a field path: spec.template.spec.containers[0].name. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ObjectMapper strict(SimpleModule module) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        // Both models keep unknown fields through @JsonAnySetter, so FAIL_ON_UNKNOWN_PROPERTIES alone never fires;
        // ignoring that annotation makes an unknown field the error it is for the API server's strict validation.
        mapper.setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public Boolean hasAnySetter(Annotated annotated) {
                return Boolean.FALSE;
            }
        });
        if (module != null) {
            mapper.registerModule(module);
        }
        return mapper;
    }

    private static Schema schema(String name) {
        return SCHEMA_CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = Models.class.getResourceAsStream("/crd-schemas/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema " + n);
                }
                JsonNode schema = Yaml.MAPPER.readTree(in);
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static boolean presentIn(String version, BeanPropertyDefinition property) {
        for (AnnotatedMember member : new AnnotatedMember[] {
                property.getGetter(), property.getSetter(), property.getField()}) {
            if (member != null) {
                PresentInVersions range = member.getAnnotation(PresentInVersions.class);
                if (range != null && !inRange(version, range.value())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Strimzi's version ranges: "v1beta2", "v1beta2+", "v1alpha1-v1beta2", comma-separated. */
    static boolean inRange(String version, String ranges) {
        for (String range : ranges.split(",")) {
            String r = range.trim();
            if (r.endsWith("+")) {
                if (compare(version, r.substring(0, r.length() - 1)) >= 0) {
                    return true;
                }
            } else if (r.contains("-")) {
                String[] ends = r.split("-");
                if (compare(version, ends[0]) >= 0 && compare(version, ends[1]) <= 0) {
                    return true;
                }
            } else if (compare(version, r) == 0) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern VERSION = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

    /** Kubernetes' version order: v1alpha1 < v1beta1 < v1beta2 < v1 < v2alpha1 < v2. */
    static int compare(String a, String b) {
        return Long.compare(rank(a), rank(b));
    }

    private static long rank(String version) {
        Matcher m = VERSION.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an API version: " + version);
        }
        long major = Long.parseLong(m.group(1));
        long stage = m.group(2) == null ? 2 : "beta".equals(m.group(2)) ? 1 : 0;
        long minor = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return major * 1_000_000 + stage * 1_000 + minor;
    }
}
