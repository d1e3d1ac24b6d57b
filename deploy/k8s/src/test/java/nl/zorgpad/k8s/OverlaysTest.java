package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Each overlay, built as kustomize would, is valid object by object and as a whole. */
class OverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectIsValidForItsApi(String overlay) {
        ObjectSet set = Project.overlay(overlay);
        assertFalse(set.objects.isEmpty());
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : set.objects) {
            problems.addAll(Models.check(object));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyReferenceLeadsSomewhere(String overlay) {
        assertEquals(List.of(), References.all(Project.overlay(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyObjectIsInTheOverlaysNamespace(String overlay) {
        ObjectSet set = Project.overlay(overlay);
        List<String> elsewhere = set.objects.stream()
                .filter(o -> !"Namespace".equals(o.path("kind").asText()))
                .filter(o -> !set.namespace.equals(o.path("metadata").path("namespace").asText()))
                .map(Kustomization::id)
                .toList();
        assertEquals(List.of(), elsewhere);
        assertEquals(set.namespace, ObjectSet.name(set.all("Namespace").get(0)));
    }
}
