package nl.zorgpad.referral.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import nl.zorgpad.commons.outbox.OutboxWriter;
import nl.zorgpad.referral.config.ReferralConfig;
import nl.zorgpad.referral.domain.Referral;

/**
 * Writes referral events into the outbox, inside the caller's transaction, never "save then send" (how:
 * {@link OutboxWriter}); {@link OutboxRelay} publishes them. The data holds ids and codes, never client details.
 */
@ApplicationScoped
public class Outbox {

    static final String SOURCE = "/referral-service";

    private final OutboxWriter writer;
    private final String fhirTasks;

    public Outbox(EntityManager em, ObjectMapper json, ReferralConfig config) {
        this.writer = new OutboxWriter(em, json, SOURCE);
        String base = config.fhir().baseUrl();
        this.fhirTasks = (base.endsWith("/") ? base : base + "/") + "Task/";
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReferralEventType type, Referral referral, Instant at) {
        ReferralEventData data = new ReferralEventData(referral.id, referral.status, referral.referringPracticeId,
                referral.partnerId, referral.regionId, Arrays.asList(referral.signalCodes),
                referral.acknowledgeDeadline, referral.reasonCode, referral.previousReferralId,
                fhirTasks + referral.id);
        writer.write(type, referral.id, at, data, Map.of());
    }
}
