package nl.zorgpad.notification.delivery;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.zorgpad.commons.tracing.EventTrace;
import nl.zorgpad.notification.config.NotificationConfig;

/**
 * POSTs the CloudEvent to a webhook with Standard Webhooks headers; 2xx is delivered, anything else is not. Each
 * attempt is a CLIENT span in the event's trace (the delivery's {@code traceparent}), and the request carries that
 * span's context in a {@code traceparent} header, so a receiver that traces joins the same trace. The JDK client
 * has no instrumentation of its own, hence by hand.
 */
@ApplicationScoped
public class WebhookSender {

    private static final TextMapSetter<HttpRequest.Builder> HEADERS = (request, name, value) ->
            request.setHeader(name, value);

    private final NotificationConfig config;
    private final UrlPolicy policy;
    private final HttpClient http;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public WebhookSender(NotificationConfig config, OpenTelemetry telemetry) {
        this.config = config;
        this.tracer = telemetry.getTracer(WebhookSender.class.getName());
        this.propagator = telemetry.getPropagators().getTextMapPropagator();
        this.policy = new UrlPolicy(config.webhook().requireHttps(), config.webhook().blockPrivateAddresses());
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public DeliveryAttempt.Result send(DeliveryAttempt attempt) {
        if (attempt.secrets().isEmpty()) {
            return DeliveryAttempt.Result.refused("webhook no longer registered");
        }
        Optional<String> refusal = policy.refusal(attempt.target());
        if (refusal.isPresent()) {
            return DeliveryAttempt.Result.refused("URL refused: " + refusal.get());
        }
        URI target = URI.create(attempt.target());
        // Host and port only: a webhook URL may hold a receiver's token in its path or query.
        Span span = tracer.spanBuilder("POST").setSpanKind(SpanKind.CLIENT)
                .setParent(new EventTrace(attempt.traceparent(), null).context())
                .setAttribute("http.request.method", "POST")
                .setAttribute("server.address", String.valueOf(target.getHost()))
                .setAttribute("server.port", (long) port(target))
                .startSpan();
        try {
            DeliveryAttempt.Result result = post(attempt, target, span);
            if (!result.delivered()) {
                span.setStatus(StatusCode.ERROR, result.error());
            }
            return result;
        } finally {
            span.end();
        }
    }

    private DeliveryAttempt.Result post(DeliveryAttempt attempt, URI target, Span span) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(target)
                .timeout(config.webhook().requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "zorgpad-notification-service")
                .header("webhook-id", attempt.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                // One signature per secret, space-separated (Standard Webhooks): during a rotation's overlap a
                // receiver that knows either secret accepts the delivery.
                .header("webhook-signature", attempt.secrets().stream()
                        .map(secret -> WebhookSigner.sign(secret, attempt.eventId(), timestamp, attempt.payload()))
                        .collect(Collectors.joining(" ")))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8));
        propagator.inject(Context.root().with(span), builder, HEADERS);
        try {
            HttpResponse<Void> response = http.send(builder.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            span.setAttribute("http.response.status_code", (long) status);
            return status >= 200 && status < 300 ? DeliveryAttempt.Result.ok(status)
                    : DeliveryAttempt.Result.failed(status, "receiver answered " + status);
        } catch (HttpTimeoutException e) {
            return DeliveryAttempt.Result.failed(null, "timed out");
        } catch (IOException e) {
            return DeliveryAttempt.Result.failed(null, "connection failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryAttempt.Result.failed(null, "interrupted");
        }
    }

    private static int port(URI target) {
        if (target.getPort() != -1) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }
}
