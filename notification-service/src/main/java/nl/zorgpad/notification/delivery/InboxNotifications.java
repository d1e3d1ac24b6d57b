package nl.zorgpad.notification.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import nl.zorgpad.notification.domain.InboxItem;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Carries new inbox items to the live screens of every replica, not only of the one that consumed the event:
 * the ingesting transaction announces each item with PostgreSQL's NOTIFY, which the database delivers to every
 * listener when (and only if) that transaction commits; each replica listens on its own connection and hands what
 * arrives to its {@link InboxBroadcaster}. Chosen over a Kafka topic because it needs nothing beyond the database
 * the service already has, and commit and announcement cannot disagree.
 * <p>
 * A replica whose listening connection is lost reconnects within a second; items committed meanwhile reach its
 * screens only when they read the inbox again (the stream is a convenience, the inbox the record).
 */
@ApplicationScoped
public class InboxNotifications {

    static final String CHANNEL = "inbox_items";
    private static final Logger LOG = Logger.getLogger(InboxNotifications.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final InboxBroadcaster broadcaster;
    private final String url;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile Connection listening;
    private Thread listener;

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

    /** Announces {@code items} to every replica when the current transaction commits (one round trip). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(List<InboxItem> items) {
        if (items.isEmpty()) {
            return;
        }
        String[] payloads = items.stream().map(this::payload).toArray(String[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("text", payloads);
            try (PreparedStatement notify = connection.prepareStatement(
                    "SELECT count(pg_notify('" + CHANNEL + "', payload)) FROM unnest(?) AS payload")) {
                notify.setArray(1, array);
                notify.executeQuery().close();
            } finally {
                array.free();
            }
        });
    }

    private String payload(InboxItem item) {
        try {
            return json.writeValueAsString(new InboxBroadcaster.Pushed(item.id, item.organisationId, item.eventType,
                    item.referralId, item.createdAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An inbox item cannot be written as JSON", e);
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "inbox-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        closeQuietly(listening);
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(1000);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            broadcaster.push(json.readValue(notification.getParameter(),
                                    InboxBroadcaster.Pushed.class));
                        }
                    }
                }
            } catch (SQLException | JsonProcessingException e) {
                if (running) {
                    LOG.warnf("Live inbox listener lost its connection, reconnecting: %s", e.getMessage());
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("Closing the live inbox listener's connection", e);
            }
        }
    }
}
