package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of kustomize's strategic-merge patch that the overlays use, and a refusal of the rest, so that the test
 * never silently computes something other than kustomize would.
 *
 * <p>Mappings merge key by key and a null removes a key, for every kind. Lists: for the Kubernetes kinds, kustomize
 * merges some lists by a key (containers by name, env by name, ...) and replaces others; only the keyed lists named
 * in {@link #MERGE_KEYS} are supported there, any other list in a patch of a built-in kind is refused. For custom
 * resources kustomize has no merge keys and replaces lists whole, as a JSON merge patch does; so does this.
 */
final class StrategicMerge {

    /** List field name to its merge key, as in the Kubernetes API's patchMergeKey for the pod template. */
    static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    /** API groups of the built-in kinds; a kind outside them is a custom resource. */
    static final Set<String> BUILT_IN_GROUPS = Set.of(
            "", "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io");

    private StrategicMerge() {
    }

    static boolean isBuiltIn(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return BUILT_IN_GROUPS.contains(slash < 0 ? "" : apiVersion.substring(0, slash));
    }

    /** Applies {@code patch} to a copy of {@code target} and returns the copy. */
    static ObjectNode apply(ObjectNode target, ObjectNode patch) {
        boolean builtIn = isBuiltIn(target.path("apiVersion").asText());
        ObjectNode result = target.deepCopy();
        mergeObject(result, patch, builtIn, "");
        return result;
    }

    private static void mergeObject(ObjectNode target, ObjectNode patch, boolean builtIn, String path) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            String here = path + "/" + name;
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " at " + here + " is not supported");
            }
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) value, builtIn, here);
            } else if (value.isArray() && existing != null && existing.isArray() && builtIn) {
                String key = MERGE_KEYS.get(name);
                if (key == null) {
                    throw new IllegalArgumentException("a patch of the list " + here + " of a built-in kind: kustomize"
                            + " would merge or replace it by the API's rules, which this test does not model");
                }
                mergeList((ArrayNode) existing, (ArrayNode) value, key, here);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key, String path) {
        List<JsonNode> added = new ArrayList<>();
        for (JsonNode item : patch) {
            if (!item.has(key)) {
                throw new IllegalArgumentException("an item of " + path + " without its merge key " + key);
            }
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(item.get(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                added.add(item.deepCopy());
            } else {
                mergeObject(match, (ObjectNode) item, true, path + "[" + item.get(key).asText() + "]");
            }
        }
        added.forEach(target::add);
    }
}
