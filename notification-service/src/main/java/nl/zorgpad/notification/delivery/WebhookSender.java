package nl.zorgpad.notification.delivery;

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
import nl.zorgpad.notification.config.NotificationConfig;

/** POSTs the CloudEvent to a webhook with Standard Webhooks headers; 2xx is delivered, anything else is not. */
@ApplicationScoped
public class WebhookSender {

    private final NotificationConfig config;
    private final UrlPolicy policy;
    private final HttpClient http;

    public WebhookSender(NotificationConfig config) {
        this.config = config;
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
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.target()))
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
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
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
}
