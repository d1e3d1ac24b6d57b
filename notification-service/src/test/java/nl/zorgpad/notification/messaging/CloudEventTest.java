package nl.zorgpad.notification.messaging;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CloudEventTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TASK = "http://localhost:8082/fhir/Task/8b6f1b2e-5d0c-4f43-b1a2-0c8e8f0d9e11";

    private static CloudEvent event(String fhirTaskJson) {
        String task = fhirTaskJson == null ? "" : ",\"fhirTask\":" + fhirTaskJson;
        return CloudEvent.parse(JSON, """
                {"specversion":"1.0","id":"e-1","source":"/referral-service","type":"referral.requested",
                "time":"2026-11-24T10:00:00Z","subject":"8b6f1b2e-5d0c-4f43-b1a2-0c8e8f0d9e11",
                "data":{"referralId":"8b6f1b2e-5d0c-4f43-b1a2-0c8e8f0d9e11","status":"requested",
                "signalCodes":["financial-debt"],"reasonCode":"x"%s}}""".formatted(task));
    }

    private static JsonNode forwardedData(CloudEvent event) throws Exception {
        return JSON.readTree(event.forwardedJson(JSON)).get("data");
    }

    @Test
    void theTaskUrlIsForwardedBesideTheIds() throws Exception {
        CloudEvent event = event("\"" + TASK + "\"");
        assertThat(event.fhirTask(), equalTo(TASK));
        JsonNode data = forwardedData(event);
        assertThat(data.get("fhirTask").asText(), equalTo(TASK));
        assertThat(data.has("signalCodes") || data.has("reasonCode"), equalTo(false));
    }

    @Test
    void anEventWithoutATaskIsForwardedWithFhirTaskNull() throws Exception {
        for (String missing : new String[] {null, "null", "\"\""}) {
            CloudEvent event = event(missing);
            assertThat(event.fhirTask(), nullValue());
            JsonNode data = forwardedData(event);
            assertThat(data.has("fhirTask"), equalTo(true));
            assertThat(data.get("fhirTask").isNull(), equalTo(true));
        }
    }

    @Test
    void aValueThatIsNoPullableUrlIsDropped() {
        String tooLong = "https://fhir.example.nl/Task/" + "a".repeat(CloudEvent.FHIR_TASK_MAX_LENGTH);
        for (String value : new String[] {"\"Task/8b6f1b2e\"", "\"javascript:alert(1)\"", "\"http://bad host/x\"",
                "\"" + tooLong + "\""}) {
            assertThat(value, event(value).fhirTask(), nullValue());
        }
        String longest = "https://fhir.example.nl/Task/";
        longest += "a".repeat(CloudEvent.FHIR_TASK_MAX_LENGTH - longest.length());
        assertThat(event("\"" + longest + "\"").fhirTask(), equalTo(longest));
    }
}
