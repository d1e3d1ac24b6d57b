package nl.zorgpad.notification.delivery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import nl.zorgpad.notification.domain.InboxItem;
import nl.zorgpad.notification.service.NotificationsCommitted;

/** Pushes committed inbox items to the connected screens of their organisation (in-process, after commit). */
@ApplicationScoped
public class InboxBroadcaster {

    /** What a screen receives: a copy, detached from the persistence context. */
    public record Pushed(java.util.UUID id, String organisationId, String eventType, String referralId,
                         java.time.Instant createdAt) {
    }

    private final BroadcastProcessor<Pushed> processor = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCommitted committed) {
        for (InboxItem item : committed.inboxItems()) {
            processor.onNext(new Pushed(item.id, item.organisationId, item.eventType, item.referralId,
                    item.createdAt));
        }
    }

    public Multi<Pushed> stream(String organisationId) {
        return processor.filter(item -> item.organisationId().equals(organisationId));
    }
}
