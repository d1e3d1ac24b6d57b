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

    private static final int BUFFER = 10_000;

    private final BroadcastProcessor<Pushed> processor = BroadcastProcessor.create();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationsCommitted committed) {
        for (InboxItem item : committed.inboxItems()) {
            processor.onNext(new Pushed(item.id, item.organisationId, item.eventType, item.referralId,
                    item.createdAt));
        }
    }

    /**
     * The organisation's items as they commit. A batch of events commits many items at once, faster than a screen
     * may ask for them, so each screen gets a buffer; a screen that falls this far behind is disconnected (it
     * reconnects and reads the inbox).
     */
    public Multi<Pushed> stream(String organisationId) {
        return processor.filter(item -> item.organisationId().equals(organisationId))
                .onOverflow().buffer(BUFFER);
    }
}
