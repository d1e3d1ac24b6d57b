package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The overlay builder computes what kustomize computes, and refuses what it does not model. */
class KustomizationTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app}
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: app
                      image: app:1
                      args: [a]
                      env: [{name: A, value: "1"}, {name: B, value: "2"}]
                      resources: {requests: {cpu: 1, memory: 1Gi}}
                    - {name: sidecar, image: sidecar:1}
            """;

    @Test
    void containersAndTheirEnvironmentMergeByName() {
        ObjectNode merged = StrategicMerge.apply(Yaml.parse(DEPLOYMENT), Yaml.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          env: [{name: B, value: "3"}, {name: C, value: "4"}]
                          resources: {requests: {cpu: 50m}}
                """));
        ObjectNode app = (ObjectNode) merged.at("/spec/template/spec/containers/0");
        assertEquals("app:1", app.path("image").asText());
        assertEquals(Yaml.parse("env: [{name: A, value: '1'}, {name: B, value: '3'}, {name: C, value: '4'}]")
                .get("env"), app.path("env"));
        assertEquals("50m", app.at("/resources/requests/cpu").asText());
        assertEquals("1Gi", app.at("/resources/requests/memory").asText());
        assertEquals("sidecar", merged.at("/spec/template/spec/containers/1/name").asText());
    }

    @Test
    void aNullRemovesAField() {
        ObjectNode merged = StrategicMerge.apply(Yaml.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instances: 3, postgresql: {synchronous: {method: any, number: 1}}}
                """), Yaml.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instances: 1, postgresql: {synchronous: null}}
                """));
        assertEquals(1, merged.at("/spec/instances").asInt());
        assertFalse(merged.at("/spec/postgresql").has("synchronous"));
    }

    @Test
    void listsOfCustomResourcesAreReplacedWhole() {
        ObjectNode merged = StrategicMerge.apply(Yaml.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool}
                spec: {roles: [controller, broker]}
                """), Yaml.parse("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool}
                spec: {roles: [broker]}
                """));
        assertEquals("[\"broker\"]", merged.at("/spec/roles").toString());
    }

    @Test
    void aPatchOfAListKustomizeTreatsByTheApisRulesIsRefused() {
        ObjectNode patch = Yaml.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec: {template: {spec: {containers: [{name: app, args: [b]}]}}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StrategicMerge.apply(Yaml.parse(DEPLOYMENT), patch));
        assertTrue(e.getMessage().contains("args"), e.getMessage());
    }

    @Test
    void theNamespaceGoesOnNamespacedObjectsOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("objects.yaml"), DEPLOYMENT + "---\napiVersion: v1\nkind: Namespace\n"
                + "metadata: {name: zorgpad}\n");
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: zorgpad
                resources: [objects.yaml]
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: app}
                      spec: {replicas: 2}
                """);
        List<ObjectNode> objects = Kustomization.build(dir);
        assertEquals("zorgpad", objects.get(0).at("/metadata/namespace").asText());
        assertEquals(2, objects.get(0).at("/spec/replicas").asInt());
        assertFalse(objects.get(1).path("metadata").has("namespace"));
    }

    @Test
    void aFieldThisBuilderDoesNotKnowIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                configMapGenerator: [{name: settings, literals: [A=1]}]
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomization.build(dir));
        assertTrue(e.getMessage().contains("configMapGenerator"), e.getMessage());
    }

    @Test
    void aPatchWithATargetSelectorIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: []
                patches: [{path: p.yaml, target: {kind: Deployment}}]
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomization.build(dir));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void aPatchThatMatchesNothingIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("objects.yaml"), DEPLOYMENT);
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [objects.yaml]
                patches:
                  - patch: |
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: other}
                      spec: {replicas: 2}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kustomization.build(dir));
        assertTrue(e.getMessage().contains("Deployment/other"), e.getMessage());
    }
}
