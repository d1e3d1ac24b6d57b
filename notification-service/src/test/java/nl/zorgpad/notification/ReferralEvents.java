package nl.zorgpad.notification;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import nl.zorgpad.stack.testing.StackControls;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Produces referral-events the way referral-service does: structured CloudEvents keyed by referral id. */
public final class ReferralEvents {

    public static final String TOPIC = "referral-events";
    public static final String DLQ = "referral-events-dlq";
    public static final String DAAN_ORG = "partner-wijkteam-smallingerland";
    public static final String EVA_ORG = "partner-gebiedsteam-opsterland";
    public static final String ANNA_ORG = "practice-de-wieken";
    public static final String REGION = "region-zuidoost-friesland";

    private ReferralEvents() {
    }

    public static KafkaCompanion companion() {
        return new KafkaCompanion(StackControls.kafkaBootstrapServers());
    }

    public static String json(String eventId, String type, String referralId, String partnerId, String practiceId) {
        return json(eventId, type, referralId, partnerId, practiceId, null);
    }

    /** The event with {@code data.fhirTask}; without it (as events written before it) when {@code fhirTask} is null. */
    public static String json(String eventId, String type, String referralId, String partnerId, String practiceId,
                              String fhirTask) {
        String task = fhirTask == null ? "" : ",\"fhirTask\":\"" + fhirTask + "\"";
        String status = type.substring("referral.".length());
        return """
                {"specversion":"1.0","id":"%s","source":"/referral-service","type":"%s",
                "time":"2026-11-24T10:00:00Z","subject":"%s","datacontenttype":"application/json",
                "data":{"referralId":"%s","status":"%s","referringPracticeId":"%s","partnerId":"%s",
                "regionId":"%s","signalCodes":["financial-debt"],"acknowledgeDeadline":"2026-12-01",
                "reasonCode":null,"previousReferralId":null%s}}"""
                .formatted(eventId, type, referralId, referralId, status, practiceId, partnerId, REGION, task)
                .replace("\n", "");
    }

    /** Sends one event and waits until the broker has it; returns the event id. */
    public static String send(KafkaCompanion kafka, String type, String referralId, String partnerId,
                              String practiceId) {
        String eventId = UUID.randomUUID().toString();
        sendRaw(kafka, referralId, json(eventId, type, referralId, partnerId, practiceId));
        return eventId;
    }

    /** Sends one event naming the referral's FHIR Task, as referral-service writes them now; returns the event id. */
    public static String sendWithTask(KafkaCompanion kafka, String type, String referralId, String partnerId,
                                      String practiceId) {
        String eventId = UUID.randomUUID().toString();
        sendRaw(kafka, referralId, json(eventId, type, referralId, partnerId, practiceId, fhirTask(referralId)));
        return eventId;
    }

    /** The referral's FHIR Task URL as referral-service names it. */
    public static String fhirTask(String referralId) {
        return "http://localhost:8082/fhir/Task/" + referralId;
    }

    public static void sendRaw(KafkaCompanion kafka, String key, String value) {
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, key, value))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** Sends one record with a {@code traceparent} header, as referral-service's outbox relay sends them. */
    public static void sendRaw(KafkaCompanion kafka, String key, String value, String traceparentHeader) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", traceparentHeader.getBytes(StandardCharsets.UTF_8));
        kafka.produceStrings().fromRecords(new ProducerRecord<>(TOPIC, null, key, value, headers))
                .awaitCompletion(Duration.ofSeconds(30));
    }

    /** {@code event} with the CloudEvents distributed-tracing attribute {@code traceparent}. */
    public static String withTraceparent(String event, String traceparent) {
        return "{\"traceparent\":\"" + traceparent + "\"," + event.substring(1);
    }

    public static String newReferralId() {
        return UUID.randomUUID().toString();
    }
}
