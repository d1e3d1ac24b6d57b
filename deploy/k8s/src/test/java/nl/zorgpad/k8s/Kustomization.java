package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Builds a kustomization's object set as {@code kubectl apply -k} would, for the fields our kustomizations use:
 * {@code resources} (files, or directories with a kustomization of their own), {@code patches} (strategic merge,
 * from a file or inline, each document naming its target by kind and name) and {@code namespace}. Any other field
 * is refused, so that a kustomization never means more than this test computes; KustomizeAgreesWithKubectlTest
 * compares the result with kubectl's own kustomize where kubectl is installed.
 */
final class Kustomization {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace");
    private static final Set<String> PATCH_FIELDS = Set.of("path", "patch");
    /** Kinds without a namespace among those the overlays may contain. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "IngressClass", "PriorityClass");

    private Kustomization() {
    }

    static List<ObjectNode> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        ObjectNode kustomization = Yaml.readOne(file);
        Iterator<String> names = kustomization.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(file + ": field " + name + " is not supported by this test");
            }
        }
        if (!"kustomize.config.k8s.io/v1beta1".equals(kustomization.path("apiVersion").asText())
                || !"Kustomization".equals(kustomization.path("kind").asText())) {
            throw new IllegalArgumentException(file + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            List<ObjectNode> loaded = Files.isDirectory(path) ? build(path) : Yaml.readAll(path);
            for (ObjectNode object : loaded) {
                if (find(objects, object) != null) {
                    throw new IllegalArgumentException(file + ": " + id(object) + " appears twice");
                }
                objects.add(object);
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            Iterator<String> fields = patch.fieldNames();
            while (fields.hasNext()) {
                String name = fields.next();
                if (!PATCH_FIELDS.contains(name)) {
                    throw new IllegalArgumentException(file + ": patch field " + name + " is not supported");
                }
            }
            List<ObjectNode> documents = patch.has("path")
                    ? Yaml.readAll(directory.resolve(patch.get("path").asText()))
                    : List.of(Yaml.parse(patch.path("patch").asText()));
            for (ObjectNode document : documents) {
                ObjectNode target = find(objects, document);
                if (target == null) {
                    throw new IllegalArgumentException(file + ": the patch of " + id(document) + " matches nothing");
                }
                objects.set(objects.indexOf(target), StrategicMerge.apply(target, document));
            }
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            for (ObjectNode object : objects) {
                if (!CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    ((ObjectNode) object.get("metadata")).put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    /** The object with the same group, kind and name (kustomize's resource id without the version). */
    private static ObjectNode find(List<ObjectNode> objects, ObjectNode like) {
        for (ObjectNode object : objects) {
            if (group(object).equals(group(like))
                    && object.path("kind").asText().equals(like.path("kind").asText())
                    && ObjectSet.name(object).equals(ObjectSet.name(like))) {
                return object;
            }
        }
        return null;
    }

    private static String group(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    static String id(JsonNode object) {
        return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
