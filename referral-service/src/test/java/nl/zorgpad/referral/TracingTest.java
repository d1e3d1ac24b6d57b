package nl.zorgpad.referral;

import static nl.zorgpad.referral.support.Api.as;
import static nl.zorgpad.referral.support.Api.handover;
import static nl.zorgpad.referral.support.Api.uniqueName;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import nl.zorgpad.commons.testing.Tracing;
import nl.zorgpad.referral.support.Db;
import nl.zorgpad.referral.support.EventReader;
import nl.zorgpad.referral.support.PathwayStub;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, one trace follows a create from the request through the route resolution at pathway-service to
 * the outbox relay's send to Kafka, and the event on Kafka names that trace, in its CloudEvent and in its headers.
 */
@QuarkusTest
@TestProfile(Tracing.class)
class TracingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");

    @Inject
    InMemorySpanExporter spans;

    @Inject
    AgroalDataSource db;

    /** The one finished span that matches, waiting for the exporter to receive it. */
    private SpanData span(String what, Predicate<SpanData> matches) {
        await(what).atMost(Duration.ofSeconds(30))
                .until(() -> spans.getFinishedSpanItems().stream().anyMatch(matches));
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(matches).toList();
        assertEquals(1, found.size(), what + ": " + found);
        return found.get(0);
    }

    private static String traceparent(SpanData span) {
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-01";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> event(String key) {
        List<ConsumerRecord<String, String>> records = EventReader.read(List.of(key), r -> !r.isEmpty(),
                Duration.ofSeconds(60));
        assertEquals(1, records.size(), "events of " + key);
        return records.get(0);
    }

    @Test
    void aCreateIsOneTraceFromTheRequestThroughPathwayServiceToKafka() throws Exception {
        String id = as("anna").body(handover(uniqueName(), "psychological")).post("/api/referrals").then()
                .statusCode(201).extract().path("handovers[0].referralId");

        SpanData send = span("the relay's send", s -> s.getKind() == SpanKind.PRODUCER
                && id.equals(s.getAttributes().get(MESSAGE_KEY)));
        String trace = send.getTraceId();
        SpanData request = span("the request", s -> s.getTraceId().equals(trace) && s.getKind() == SpanKind.SERVER
                && s.getName().equals("POST /api/referrals"));
        SpanData resolve = span("the call to pathway-service", s -> s.getTraceId().equals(trace)
                && s.getKind() == SpanKind.CLIENT && s.getAttributes().asMap().values().stream()
                .anyMatch(value -> String.valueOf(value).endsWith("/api/routes/resolve")));

        assertEquals(request.getSpanId(), send.getParentSpanId(), "the send continues the request that wrote it");
        assertEquals(traceparent(resolve), PathwayStub.lastTraceparent(), "pathway-service is called in the trace");
        assertEquals("send referral-events", send.getName());
        ConsumerRecord<String, String> record = event(id);
        JsonNode event = JSON.readTree(record.value());
        assertEquals(traceparent(request), event.get("traceparent").asText(), "the CloudEvent names the request");
        assertEquals(traceparent(send), header(record, "traceparent"), "the headers name the send");
    }

    /**
     * Written before tracing (or while it was off): the event leaves as before, without trace attributes, and its
     * send starts a trace of its own that the headers carry to the consumers.
     */
    @Test
    void anOutboxRowWithoutTraceAttributesIsPublishedInATraceOfItsOwn() throws Exception {
        String id = UUID.randomUUID().toString();
        String payload = """
                {"specversion":"1.0","id":"%s","source":"/referral-service","type":"referral.overdue",\
                "time":"2026-11-24T10:00:00Z","subject":"%s","datacontenttype":"application/json",\
                "data":{"referralId":"%s"}}""".formatted(UUID.randomUUID(), id, id);
        Db.update(db, "INSERT INTO outbox_event (id, aggregate_id, type, payload, created_at)"
                + " VALUES (?, ?, 'referral.overdue', ?, now())", UUID.randomUUID(), UUID.fromString(id), payload);

        SpanData send = span("the relay's send", s -> s.getKind() == SpanKind.PRODUCER
                && id.equals(s.getAttributes().get(MESSAGE_KEY)));
        assertFalse(send.getParentSpanContext().isValid(), "a new trace");
        ConsumerRecord<String, String> record = event(id);
        assertEquals(payload, record.value());
        assertNull(JSON.readTree(record.value()).get("traceparent"));
        assertEquals(traceparent(send), header(record, "traceparent"));
    }
}
