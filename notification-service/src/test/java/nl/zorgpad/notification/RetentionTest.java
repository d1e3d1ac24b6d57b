package nl.zorgpad.notification;

import static nl.zorgpad.notification.ReferralEvents.ANNA_ORG;
import static nl.zorgpad.notification.ReferralEvents.DAAN_ORG;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.service.RetentionService;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RetentionTest {

    @Inject
    RetentionService retention;

    @Inject
    EntityManager em;

    @Test
    void deliveredDeliveriesAndEventIdsPastTheRetentionAreRemovedTheRestStays() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant old = now.minus(Duration.ofDays(40));
        String oldEvent = UUID.randomUUID().toString();
        String recentEvent = UUID.randomUUID().toString();
        UUID oldDelivered = delivery(oldEvent, Delivery.Status.DELIVERED, old);
        UUID oldDead = delivery(oldEvent, Delivery.Status.DEAD, old);
        UUID recentDelivered = delivery(recentEvent, Delivery.Status.DELIVERED, now);
        QuarkusTransaction.requiringNew().run(() -> {
            processed(oldEvent, old);
            processed(recentEvent, now);
        });

        RetentionService.Removed removed = retention.removeOlderThan(now.minus(Duration.ofDays(30)));

        assertThat(removed.deliveries(), greaterThanOrEqualTo(1));
        assertThat(removed.eventIds(), greaterThanOrEqualTo(1));
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat("old delivered", Delivery.findById(oldDelivered) == null, equalTo(true));
            assertThat("old dead stays for a manual retry", Delivery.findById(oldDead) == null, equalTo(false));
            assertThat("recent delivered", Delivery.findById(recentDelivered) == null, equalTo(false));
            assertThat(processedCount(oldEvent), equalTo(0L));
            assertThat(processedCount(recentEvent), equalTo(1L));
        });
    }

    private static UUID delivery(String eventId, Delivery.Status status, Instant at) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = new Delivery();
            d.id = id;
            d.organisationId = DAAN_ORG;
            d.channel = Delivery.Channel.WEBHOOK;
            d.target = "https://wijkteam.example.nl/hook/" + status;
            d.eventId = eventId;
            d.eventType = "referral.requested";
            d.referralId = UUID.randomUUID().toString();
            d.payload = ReferralEvents.json(eventId, "referral.requested", d.referralId, DAAN_ORG, ANNA_ORG);
            d.status = status;
            d.attempts = 1;
            d.windowStartAt = at;
            d.deliveredAt = status == Delivery.Status.DELIVERED ? at : null;
            d.createdAt = at;
            d.updatedAt = at;
            d.persist();
        });
        return id;
    }

    private void processed(String eventId, Instant at) {
        em.createNativeQuery("INSERT INTO processed_event (event_id, event_type, processed_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, eventId).setParameter(2, "referral.requested").setParameter(3, at).executeUpdate();
    }

    private long processedCount(String eventId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue();
    }
}
