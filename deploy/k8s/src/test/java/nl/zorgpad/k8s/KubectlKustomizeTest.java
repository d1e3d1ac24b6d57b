package nl.zorgpad.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Where kubectl is installed, its own kustomize builds each overlay too, and the two object sets must be equal.
 * That proves the builder the other tests rely on; without kubectl on the PATH the test is skipped (and says so),
 * the others still run on the builder alone.
 */
class KubectlKustomizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void kubectlBuildsTheSameObjects(String overlay) throws Exception {
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
        try {
            int exit = kubectlKustomize(Project.k8s().resolve("overlays").resolve(overlay), output, errors);
            assumeTrue(exit != NOT_INSTALLED, "kubectl is not on the PATH");
            assertEquals(0, exit, () -> "kubectl kustomize failed: " + read(errors));
            assertEquals(byId(Yaml.readAll(output)), byId(Project.overlay(overlay).objects));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static final int NOT_INSTALLED = -1;

    private static int kubectlKustomize(Path directory, Path output, Path errors) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
        } catch (IOException e) {
            return NOT_INSTALLED;
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kubectl kustomize did not finish in 120 s");
        }
        return process.exitValue();
    }

    private static Map<String, JsonNode> byId(Iterable<ObjectNode> objects) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (ObjectNode object : objects) {
            byId.put(object.path("apiVersion").asText() + " " + Kustomization.id(object), object);
        }
        return byId;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
