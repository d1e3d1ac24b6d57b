package nl.zorgpad.notification.delivery;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Pushes committed inbox items to the screens of their organisation connected to this replica; the items come from
 * every replica through {@link InboxNotifications}.
 */
@ApplicationScoped
public class InboxBroadcaster {

    /** What a screen receives: a copy, detached from the persistence context. */
    public record Pushed(java.util.UUID id, String organisationId, String eventType, String referralId,
                         String fhirTask, java.time.Instant createdAt) {
    }

    private static final int BUFFER = 10_000;

    private final BroadcastProcessor<Pushed> processor = BroadcastProcessor.create();

    /** Hands a committed item to the screens of its organisation. */
    void push(Pushed item) {
        processor.onNext(item);
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
