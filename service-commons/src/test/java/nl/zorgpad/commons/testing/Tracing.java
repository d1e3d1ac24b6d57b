package nl.zorgpad.commons.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Boots the service with tracing on (off by default, in production until QUARKUS_OTEL_SDK_DISABLED=false);
 * the spans go to the in-memory exporter of {@link RecordedSpans}, handed over without the usual 5 s delay.
 */
public class Tracing implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
