package nl.zorgpad.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import nl.zorgpad.commons.tracing.EventTrace;

/**
 * A structured-mode CloudEvent as it arrives on a topic; {@code trace} holds its distributed-tracing attributes
 * ({@link EventTrace#NONE} for events written without them).
 */
public record CloudEvent(String id, String source, String type, String time, String subject, JsonNode data,
                         EventTrace trace) {

    /** The longest FHIR Task URL kept (the inbox_item.fhir_task column). */
    public static final int FHIR_TASK_MAX_LENGTH = 2000;

    /** Thrown for an event that can never be processed; the record goes to the dead-letter topic. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }

    /** Parses and checks the envelope: JSON object with id, type and an object {@code data}. */
    public static CloudEvent parse(ObjectMapper json, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("empty record");
        }
        JsonNode root;
        try {
            root = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        if (id == null || type == null) {
            throw new MalformedEventException("id or type missing");
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data missing");
        }
        return new CloudEvent(id, text(root, "source"), type, text(root, "time"), text(root, "subject"), data,
                new EventTrace(text(root, EventTrace.TRACEPARENT), text(root, EventTrace.TRACESTATE)));
    }

    public String dataText(String field) {
        return text(data, field);
    }

    /**
     * The referral as a FHIR R4 Task, the absolute URL in {@code data.fhirTask} a FHIR client pulls it from; null
     * when the event has none (events written before referral-service added it) and when the value is no absolute
     * http(s) URL of at most {@value #FHIR_TASK_MAX_LENGTH} characters: such a value cannot be pulled, and dropping
     * it keeps the event's notices instead of sending the whole event to the dead-letter topic.
     */
    public String fhirTask() {
        String value = dataText("fhirTask");
        if (value == null || value.length() > FHIR_TASK_MAX_LENGTH) {
            return null;
        }
        try {
            URI uri = new URI(value);
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && uri.getHost() != null ? value : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The event as forwarded to webhooks: the envelope, the ids in {@code data} and the referral's FHIR Task URL,
     * nothing else (data minimisation: signal codes and reasons stay with referral-service, the receiver fetches
     * with its own token).
     */
    public String forwardedJson(ObjectMapper json) {
        ObjectNode out = json.createObjectNode();
        out.put("specversion", "1.0");
        out.put("id", id);
        out.put("source", source);
        out.put("type", type);
        out.put("time", time);
        out.put("subject", subject);
        out.put("datacontenttype", "application/json");
        ObjectNode ids = out.putObject("data");
        for (String field : List.of("referralId", "status", "referringPracticeId", "partnerId", "regionId",
                "acknowledgeDeadline", "previousReferralId")) {
            ids.put(field, dataText(field));
        }
        ids.put("fhirTask", fhirTask());
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
