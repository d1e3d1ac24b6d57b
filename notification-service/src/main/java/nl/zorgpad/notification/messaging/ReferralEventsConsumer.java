package nl.zorgpad.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.zorgpad.notification.service.EventIngestService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code referral-events}. A record that throws is nacked and, by the channel's failure strategy, sent to
 * {@code referral-events-dlq}; the consumer carries on with the next record.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReferralEventsConsumer.class);

    private final EventIngestService ingest;
    private final ObjectMapper json;

    public ReferralEventsConsumer(EventIngestService ingest, ObjectMapper json) {
        this.ingest = ingest;
        this.json = json;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String value) {
        CloudEvent event = CloudEvent.parse(json, value);
        if (!event.type().startsWith("referral.")) {
            LOG.debugf("Ignoring event %s of type %s", event.id(), event.type());
            return;
        }
        if (event.dataText("referralId") == null) {
            throw new CloudEvent.MalformedEventException("data.referralId missing");
        }
        ingest.ingestReferralEvent(event, event.forwardedJson(json));
    }
}
