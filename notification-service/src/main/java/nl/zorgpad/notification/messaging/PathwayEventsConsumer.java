package nl.zorgpad.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import nl.zorgpad.notification.service.PartnerProjection;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the partner projection (name, region) from {@code partner.changed} events of pathway-service. */
@ApplicationScoped
public class PathwayEventsConsumer {

    private final PartnerProjection partners;
    private final ObjectMapper json;

    public PathwayEventsConsumer(PartnerProjection partners, ObjectMapper json) {
        this.partners = partners;
        this.json = json;
    }

    @Incoming("pathway-events")
    @Blocking
    public void consume(String value) {
        CloudEvent event = CloudEvent.parse(json, value);
        if (!"partner.changed".equals(event.type())) {
            return;
        }
        String partnerId = event.dataText("partnerId");
        String regionId = event.dataText("regionId");
        if (partnerId == null || regionId == null) {
            throw new CloudEvent.MalformedEventException("partnerId or regionId missing");
        }
        partners.changed(partnerId, regionId, event.dataText("name"));
    }
}
