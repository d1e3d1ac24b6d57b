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

    private static final int ATTEMPTS = 3;

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
        String forwarded = event.forwardedJson(json);
        for (int attempt = 1; ; attempt++) {
            try {
                ingest.ingestReferralEvent(event, forwarded);
                return;
            } catch (RuntimeException e) {
                // A well-formed event that fails (database briefly away) is tried again before it is given up
                // to the dead-letter topic; the unique event id makes a retry after a lost commit harmless.
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("Processing event %s failed (attempt %d), retrying: %s", event.id(), attempt,
                        e.getMessage());
                pause(attempt * 500L);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying an event", e);
        }
    }
}
