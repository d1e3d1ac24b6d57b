package nl.zorgpad.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import nl.zorgpad.notification.domain.Delivery;
import org.jboss.logging.Logger;

/** Makes one attempt on the delivery's channel, without a transaction; never throws. */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final WebhookSender webhooks;
    private final EmailSender emails;

    public DeliverySender(WebhookSender webhooks, EmailSender emails) {
        this.webhooks = webhooks;
        this.emails = emails;
    }

    DeliveryAttempt.Result send(DeliveryAttempt attempt) {
        try {
            return attempt.channel() == Delivery.Channel.WEBHOOK ? webhooks.send(attempt) : emails.send(attempt);
        } catch (RuntimeException e) {
            LOG.warn("Delivery attempt failed unexpectedly", e);
            return DeliveryAttempt.Result.failed(null, "internal error");
        }
    }
}
