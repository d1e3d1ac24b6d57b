package nl.zorgpad.notification;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Boots the service with the webhook URL policy of production: https only, no internal addresses (SSRF). */
public class ProductionUrlPolicy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("zorgpad.notification.webhook.require-https", "true",
                "zorgpad.notification.webhook.block-private-addresses", "true");
    }
}
