package nl.zorgpad.commons.postgres;

import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.hibernate.Session;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A PostgreSQL notification channel between the replicas of a service: {@link #announce} sends messages from inside
 * a transaction, which the database delivers to every listener when (and only if) that transaction commits;
 * {@link #listen} receives them on a connection of its own. Used where every replica must learn of a change at once
 * (the live inbox, the route table), with nothing beyond the database the service already has.
 * <p>
 * A listener that loses its connection reconnects after a second; what was announced meanwhile is lost to it, so a
 * listener must be a shortcut to a state that can also be read (the inbox, the route table's periodic refresh).
 */
public final class PostgresChannel implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresChannel.class);
    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private final String channel;
    private final Consumer<String> onMessage;
    private final String url;
    private final String user;
    private final String password;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Connection connection;

    private PostgresChannel(String channel, Consumer<String> onMessage, String url, String user, String password) {
        this.channel = checked(channel);
        this.onMessage = onMessage;
        this.url = url;
        this.user = user;
        this.password = password;
        this.thread = new Thread(this::run, "listen-" + channel);
        this.thread.setDaemon(true);
    }

    /** Sends {@code messages} on {@code channel} when the current transaction commits, in one round trip. */
    public static void announce(EntityManager em, String channel, List<String> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String name = checked(channel);
        em.unwrap(Session.class).doWork(connection -> {
            Array array = connection.createArrayOf("text", messages.toArray(String[]::new));
            try (PreparedStatement notify = connection.prepareStatement(
                    "SELECT count(pg_notify('" + name + "', message)) FROM unnest(?) AS message")) {
                notify.setArray(1, array);
                notify.executeQuery().close();
            } finally {
                array.free();
            }
        });
    }

    /**
     * Starts listening on {@code channel} with a connection of its own (the service's datasource settings), handing
     * every message to {@code onMessage} on the listener's thread.
     */
    public static PostgresChannel listen(String channel, String url, String user, String password,
                                         Consumer<String> onMessage) {
        PostgresChannel listener = new PostgresChannel(channel, onMessage, url, user, password);
        listener.thread.start();
        return listener;
    }

    private void run() {
        while (running) {
            try (Connection opened = DriverManager.getConnection(url, user, password)) {
                connection = opened;
                try (Statement statement = opened.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                PGConnection pg = opened.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(1000);
                    if (arrived != null) {
                        for (PGNotification notification : arrived) {
                            deliver(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("Listener on %s lost its connection, reconnecting: %s", channel, e.getMessage());
                    pause();
                }
            }
        }
    }

    private void deliver(String message) {
        try {
            onMessage.accept(message);
        } catch (RuntimeException e) {
            LOG.warnf("A message on %s could not be handled: %s", channel, e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the listener on %s: %s", channel, e.getMessage());
            }
        }
        thread.interrupt();
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String checked(String channel) {
        if (!NAME.matcher(channel).matches()) {
            throw new IllegalArgumentException("Not a channel name: " + channel);
        }
        return channel;
    }
}
