package nl.zorgpad.notification.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.Partner;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.domain.WebhookEndpoint;
import org.jboss.logging.Logger;

/**
 * Copies what a channel needs for one attempt out of the claiming transaction: the webhook's signing secrets (the
 * current one, and the replaced one while it overlaps; none when the webhook has been removed since), or for an e-mail the partner's name, found by the partner id in the
 * event.
 */
@ApplicationScoped
public class DeliveryAttempts {

    private static final Logger LOG = Logger.getLogger(DeliveryAttempts.class);

    private final ObjectMapper json;

    public DeliveryAttempts(ObjectMapper json) {
        this.json = json;
    }

    DeliveryAttempt prepare(Delivery delivery) {
        List<String> secrets = List.of();
        String partnerName = null;
        if (delivery.channel == Delivery.Channel.WEBHOOK && delivery.endpointId != null) {
            WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
            secrets = endpoint == null ? List.of() : endpoint.signingSecrets(Timestamps.now());
        } else {
            partnerName = partnerName(delivery.payload);
        }
        return new DeliveryAttempt(delivery.id, delivery.channel, delivery.target, secrets, delivery.eventId,
                delivery.eventType, delivery.referralId, delivery.payload, partnerName, delivery.traceparent);
    }

    private String partnerName(String payload) {
        try {
            JsonNode partnerId = json.readTree(payload).path("data").path("partnerId");
            if (partnerId.isTextual()) {
                Partner partner = Partner.findById(partnerId.asText());
                return partner == null ? null : partner.name;
            }
        } catch (Exception e) {
            LOG.debug("No partner name for an e-mail", e);
        }
        return null;
    }
}
