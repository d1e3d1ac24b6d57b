package nl.zorgpad.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/** Files of the rest of the project that the manifests must agree with. */
final class Project {

    /** The services that use Kafka; their application.properties name the topics. */
    static final List<String> KAFKA_SERVICES = List.of("pathway-service", "referral-service", "notification-service");

    private Project() {
    }

    static Path root() {
        return Path.of(System.getProperty("zorgpad.project.root", "../..")).toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static ObjectSet overlay(String name) {
        Path directory = k8s().resolve("overlays").resolve(name);
        String namespace = Yaml.readOne(directory.resolve("kustomization.yaml")).path("namespace").asText();
        return new ObjectSet(namespace, Kustomization.build(directory));
    }

    /**
     * Every Kafka topic the services' configuration names, in any profile but test: the outbox topics
     * (zorgpad.*.outbox.topic), the consumers' topics and their dead-letter topics (mp.messaging.*.topic).
     */
    static Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        for (String service : KAFKA_SERVICES) {
            Properties properties = new Properties();
            Path file = root().resolve(service).resolve("src/main/resources/application.properties");
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String key : properties.stringPropertyNames()) {
                if (key.endsWith(".topic") && !key.startsWith("%test.")) {
                    topics.add(properties.getProperty(key).trim());
                }
            }
        }
        return topics;
    }

    static Path productionRealm() {
        return root().resolve("deploy/keycloak/zorgpad-realm-production.json");
    }
}
