package nl.zorgpad.pathway.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Boots the service with the demo migrations that deploy/run loads (profile demo). */
public class WithDemoData implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.flyway.placeholders.demo_data", "true",
                // A fresh schema, so the repeatable demo migration runs whatever earlier test classes stored.
                "quarkus.flyway.clean-at-start", "true", "quarkus.flyway.clean-disabled", "false");
    }
}
