package nl.zorgpad.referral.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import nl.zorgpad.commons.outbox.CloudEvent;
import nl.zorgpad.referral.domain.Referral;

/** Writes referral events into the outbox, inside the caller's transaction (never "save then send"). */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "/referral-service";

    private final ObjectMapper json;

    public Outbox(ObjectMapper json) {
        this.json = json;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String type, Referral referral, Instant at) {
        ReferralEventData data = new ReferralEventData(referral.id, referral.status, referral.referringPracticeId,
                referral.partnerId, referral.regionId, Arrays.asList(referral.signalCodes),
                referral.acknowledgeDeadline, referral.reasonCode, referral.previousReferralId);
        CloudEvent<ReferralEventData> event = CloudEvent.of(SOURCE, type, referral.id.toString(), at, data);
        OutboxEvent row = new OutboxEvent();
        row.id = UUID.fromString(event.id());
        row.aggregateId = referral.id;
        row.type = type;
        row.createdAt = at;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event could not be serialised", e);
        }
        row.persist();
    }
}
