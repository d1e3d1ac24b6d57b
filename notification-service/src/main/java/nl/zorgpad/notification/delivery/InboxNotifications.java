package nl.zorgpad.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import nl.zorgpad.commons.postgres.PostgresChannel;
import nl.zorgpad.notification.domain.InboxItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries new inbox items to the live screens of every replica, not only of the one that consumed the event: the
 * ingesting transaction announces each item on the {@value #CHANNEL} channel (PostgreSQL NOTIFY, delivered when and
 * only if it commits), and each replica hands what arrives to its {@link InboxBroadcaster}. Chosen over a Kafka topic
 * because it needs nothing beyond the database the service already has, and commit and announcement cannot
 * disagree. A screen that missed items while its replica's listener reconnected reads them from the inbox.
 */
@ApplicationScoped
public class InboxNotifications {

    static final String CHANNEL = "inbox_items";

    private final EntityManager em;
    private final ObjectMapper json;
    private final InboxBroadcaster broadcaster;
    private final String url;
    private final String user;
    private final String password;
    private PostgresChannel listener;

    public InboxNotifications(EntityManager em, ObjectMapper json, InboxBroadcaster broadcaster,
                              @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                              @ConfigProperty(name = "quarkus.datasource.username") String user,
                              @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.em = em;
        this.json = json;
        this.broadcaster = broadcaster;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Announces {@code items} to every replica when the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(List<InboxItem> items) {
        PostgresChannel.announce(em, CHANNEL, items.stream().map(this::message).toList());
    }

    private String message(InboxItem item) {
        try {
            return json.writeValueAsString(new InboxBroadcaster.Pushed(item.id, item.organisationId, item.eventType,
                    item.referralId, item.fhirTask, item.createdAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An inbox item cannot be written as JSON", e);
        }
    }

    void start(@Observes StartupEvent event) {
        listener = PostgresChannel.listen(CHANNEL, url, user, password, this::received);
    }

    void stop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.close();
        }
    }

    private void received(String message) {
        try {
            broadcaster.push(json.readValue(message, InboxBroadcaster.Pushed.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not an inbox item: " + e.getOriginalMessage(), e);
        }
    }
}
