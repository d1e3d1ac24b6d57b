package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import nl.zorgpad.commons.testing.Tracing;
import nl.zorgpad.notification.delivery.WebhookSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With tracing on, a webhook call continues the trace of the event it delivers: the request carries a
 * {@code traceparent} of that trace, naming the CLIENT span of the call, whose parent is the span the event came from.
 */
@QuarkusTest
@TestProfile(Tracing.class)
class TracingTest {

    private static KafkaCompanion kafka;
    private WebhookReceiver receiver;

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    static void connect() {
        kafka = ReferralEvents.companion();
    }

    @AfterAll
    static void close() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void stopReceiver() {
        Api.unsubscribeAll("daan", DAAN_ORG);
        if (receiver != null) {
            receiver.close();
        }
    }

    private void subscribeDaan(WebhookReceiver webhook) {
        receiver = webhook;
        Api.subscribeWebhook("daan", DAAN_ORG, webhook.url(), WebhookSigner.newSecret(), "referral.requested");
    }

    private static String newTraceId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static String newSpanId() {
        return newTraceId().substring(0, 16);
    }

    /** The span the service finished with this id, waiting for the exporter to receive it. */
    private SpanData span(String spanId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> find(spanId).isPresent());
        return find(spanId).orElseThrow();
    }

    private Optional<SpanData> find(String spanId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId)).findFirst();
    }

    /**
     * Sends a referral.requested event for daan's team whose CloudEvent has {@code traceparent}, with that header on
     * the record unless {@code header} is null; returns the event id.
     */
    private static String sendRequested(String traceparent, String header) {
        String referral = ReferralEvents.newReferralId();
        String eventId = UUID.randomUUID().toString();
        String event = ReferralEvents.withTraceparent(
                ReferralEvents.json(eventId, "referral.requested", referral, DAAN_ORG, ANNA_ORG), traceparent);
        if (header == null) {
            ReferralEvents.sendRaw(kafka, referral, event);
        } else {
            ReferralEvents.sendRaw(kafka, referral, event, header);
        }
        return eventId;
    }

    /** The span id in a {@code traceparent} header of version 00. */
    private static String spanIdOf(String traceparent) {
        return traceparent.substring(36, 52);
    }

    @Test
    void everyAttemptOfAWebhookCallContinuesTheTraceTheEventWasWrittenIn() {
        // As the event arrives from a producer that put no trace headers on the record (or from a replay): its
        // CloudEvent's traceparent is all there is.
        subscribeDaan(new WebhookReceiver(call -> call == 1 ? 503 : 204));
        String trace = newTraceId();
        String written = newSpanId();
        String eventId = sendRequested("00-" + trace + "-" + written + "-01", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.requestsFor(eventId).size() == 2);
        List<WebhookReceiver.Received> attempts = receiver.requestsFor(eventId);
        for (WebhookReceiver.Received attempt : attempts) {
            assertThat(attempt.traceparent(), matchesPattern("00-" + trace + "-[0-9a-f]{16}-01"));
            SpanData call = span(spanIdOf(attempt.traceparent()));
            assertThat(call.getKind(), equalTo(SpanKind.CLIENT));
            assertThat(call.getName(), equalTo("POST"));
            assertThat(call.getTraceId(), equalTo(trace));
            assertThat("the retry, claimed later from the queue, still continues the event's span",
                    call.getParentSpanId(), equalTo(written));
        }
        assertThat("one span per attempt", spanIdOf(attempts.get(0).traceparent()),
                not(equalTo(spanIdOf(attempts.get(1).traceparent()))));
    }

    @Test
    void aRecordFromTheOutboxRelayIsFollowedThroughTheSpanThatReceivedIt() {
        // As referral-service's relay sends it: the CloudEvent names the span that wrote the event, the record's
        // headers the relay's PRODUCER span, a child of it in the same trace.
        subscribeDaan(WebhookReceiver.alwaysOk());
        String trace = newTraceId();
        String published = newSpanId();
        String eventId = sendRequested("00-" + trace + "-" + newSpanId() + "-01", "00-" + trace + "-" + published
                + "-01");

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requestsFor(eventId).isEmpty());
        String traceparent = receiver.requestsFor(eventId).get(0).traceparent();
        assertThat(traceparent, matchesPattern("00-" + trace + "-[0-9a-f]{16}-01"));
        SpanData call = span(spanIdOf(traceparent));
        SpanData received = span(call.getParentSpanId());
        assertThat(received.getKind(), equalTo(SpanKind.CONSUMER));
        assertThat(received.getTraceId(), equalTo(trace));
        assertThat(received.getParentSpanId(), equalTo(published));
    }

    @Test
    void anEventWithoutTraceAttributesIsDeliveredInATraceOfItsOwn() {
        subscribeDaan(WebhookReceiver.alwaysOk());
        String referral = ReferralEvents.newReferralId();
        String eventId = ReferralEvents.send(kafka, "referral.requested", referral, DAAN_ORG, ANNA_ORG);

        await().atMost(Duration.ofSeconds(20)).until(() -> !receiver.requestsFor(eventId).isEmpty());
        assertThat(receiver.requestsFor(eventId), hasSize(1));
        String traceparent = receiver.requestsFor(eventId).get(0).traceparent();
        assertThat(traceparent, matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        assertThat(span(spanIdOf(traceparent)).getKind(), equalTo(SpanKind.CLIENT));
        await().atMost(Duration.ofSeconds(5)).until(() -> "delivered".equals(Api.as("daan")
                .queryParam("referralId", referral).get("/api/deliveries").jsonPath().getString("items[0].status")));
    }
}
