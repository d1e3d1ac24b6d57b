package nl.zorgpad.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.zorgpad.notification.delivery.InboxNotifications;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.EmailSubscription;
import nl.zorgpad.notification.domain.InboxItem;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.domain.WebhookEndpoint;
import nl.zorgpad.commons.tracing.EventTrace;
import nl.zorgpad.notification.messaging.CloudEvent;

/**
 * Turns referral events into inbox items and queued deliveries, exactly once: the event id is recorded under a
 * unique key in the same transaction, so a redelivered event creates nothing. A batch of events shares one
 * transaction (one commit), and the dispatcher and the inbox stream are told after it commits.
 */
@ApplicationScoped
public class EventIngestService {

    private final EntityManager em;
    private final PartnerProjection partners;
    private final Event<NotificationsCommitted> committed;
    private final InboxNotifications inboxNotifications;

    public EventIngestService(EntityManager em, PartnerProjection partners, Event<NotificationsCommitted> committed,
                              InboxNotifications inboxNotifications) {
        this.em = em;
        this.partners = partners;
        this.committed = committed;
        this.inboxNotifications = inboxNotifications;
    }

    /**
     * A parsed referral event, the payload forwarded to webhooks (ids only) and the trace its deliveries continue
     * (their calls are made later, by the dispatcher).
     */
    public record ReceivedEvent(CloudEvent event, String forwardedPayload, EventTrace trace) {
    }

    /**
     * Records a batch of events in one transaction, in the given order. Each event id is recorded under its unique
     * key, so an event seen before, or twice in the batch, creates nothing again.
     */
    @Transactional
    public void ingestReferralEvents(List<ReceivedEvent> events) {
        Subscriptions subscriptions = new Subscriptions();
        List<InboxItem> items = new ArrayList<>();
        int deliveries = 0;
        Set<String> firstSeen = recordProcessed(events);
        for (ReceivedEvent received : events) {
            CloudEvent event = received.event();
            Instant now = Timestamps.now();
            // Also a second copy of the same event inside this batch is a duplicate.
            if (!firstSeen.remove(event.id())) {
                continue;
            }
            String referralId = event.dataText("referralId");
            String partnerId = event.dataText("partnerId");
            String regionId = event.dataText("regionId");
            String fhirTask = event.fhirTask();
            if (partnerId != null && regionId != null) {
                partners.seen(partnerId, regionId);
            }
            Set<String> recipients = Routing.recipients(event.type(), partnerId,
                    event.dataText("referringPracticeId"));
            for (String organisation : recipients) {
                InboxItem item = new InboxItem();
                item.id = UUID.randomUUID();
                item.organisationId = organisation;
                item.eventId = event.id();
                item.eventType = event.type();
                item.referralId = referralId;
                item.fhirTask = fhirTask;
                item.createdAt = now;
                item.persist();
                items.add(item);
                for (WebhookEndpoint endpoint : subscriptions.webhooks(organisation)) {
                    if (endpoint.wants(event.type())) {
                        queue(received, referralId, organisation, Delivery.Channel.WEBHOOK, endpoint.id,
                                endpoint.url, now);
                        deliveries++;
                    }
                }
                for (EmailSubscription email : subscriptions.emails(organisation)) {
                    if (email.wants(event.type())) {
                        queue(received, referralId, organisation, Delivery.Channel.EMAIL, null, email.address,
                                now);
                        deliveries++;
                    }
                }
            }
        }
        inboxNotifications.announce(items);
        committed.fire(new NotificationsCommitted(deliveries));
    }

    /** The subscriptions of the organisations in one batch, each read once per transaction. */
    private static final class Subscriptions {
        private final Map<String, List<WebhookEndpoint>> webhooks = new HashMap<>();
        private final Map<String, List<EmailSubscription>> emails = new HashMap<>();

        List<WebhookEndpoint> webhooks(String organisation) {
            return webhooks.computeIfAbsent(organisation, o -> WebhookEndpoint.list("organisationId", o));
        }

        List<EmailSubscription> emails(String organisation) {
            return emails.computeIfAbsent(organisation, o -> EmailSubscription.list("organisationId", o));
        }
    }

    /**
     * Records the batch's event ids in one statement, before any inbox item or delivery is written (so no flush of
     * pending entities per event), and returns the ids that were new: a redelivered event is in the table already.
     * The ids travel as two arrays, so the statement has one shape whatever the batch size.
     */
    @SuppressWarnings("unchecked")
    private Set<String> recordProcessed(List<ReceivedEvent> events) {
        if (events.isEmpty()) {
            return new HashSet<>();
        }
        List<Object> recorded = em.createNativeQuery("""
                INSERT INTO processed_event (event_id, event_type, processed_at)
                SELECT e.id, e.type, ?3 FROM unnest(CAST(?1 AS text[]), CAST(?2 AS text[])) AS e(id, type)
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")
                .setParameter(1, events.stream().map(e -> e.event().id()).toArray(String[]::new))
                .setParameter(2, events.stream().map(e -> e.event().type()).toArray(String[]::new))
                .setParameter(3, Timestamps.now())
                .getResultList();
        Set<String> firstSeen = new HashSet<>();
        recorded.forEach(id -> firstSeen.add(String.valueOf(id)));
        return firstSeen;
    }

    private static void queue(ReceivedEvent received, String referralId, String organisation,
                              Delivery.Channel channel, UUID endpointId, String target, Instant now) {
        CloudEvent event = received.event();
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.organisationId = organisation;
        delivery.channel = channel;
        delivery.endpointId = endpointId;
        delivery.target = target;
        delivery.eventId = event.id();
        delivery.eventType = event.type();
        delivery.referralId = referralId;
        delivery.payload = received.forwardedPayload();
        delivery.traceparent = received.trace().traceparent();
        delivery.status = Delivery.Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = now;
        delivery.windowStartAt = now;
        delivery.createdAt = now;
        delivery.updatedAt = now;
        delivery.persist();
    }
}
