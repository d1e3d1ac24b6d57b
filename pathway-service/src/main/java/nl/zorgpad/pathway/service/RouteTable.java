package nl.zorgpad.pathway.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgpad.commons.postgres.PostgresChannel;
import nl.zorgpad.pathway.routing.RouteSnapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link RouteSnapshot}. A committed change bumps the generation and rebuilds the snapshot in
 * the background; a reader that finds its snapshot older than the last commit rebuilds it first, so an answer never
 * lags behind a publish that has returned. Every change is also announced on the {@value #CHANNEL} channel
 * (PostgreSQL NOTIFY, delivered when the change commits), so the other replicas rebuild theirs within a second; the
 * periodic refresh stays as a safety net for what a replica missed while its listener reconnected.
 */
@ApplicationScoped
public class RouteTable {

    static final String CHANNEL = "route_changes";
    private static final Logger LOG = Logger.getLogger(RouteTable.class);

    private record Loaded(long generation, RouteSnapshot snapshot) {
    }

    private final SnapshotLoader loader;
    private final AtomicLong generation = new AtomicLong(1);
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "route-table-refresh");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Loaded current = new Loaded(0, RouteSnapshot.EMPTY);
    private final EntityManager em;
    private final String url;
    private final String user;
    private final String password;
    private PostgresChannel listener;
    /** Names this instance in its announcements, so that it does not rebuild a second time for its own change. */
    private final String instance = UUID.randomUUID().toString();

    public RouteTable(SnapshotLoader loader, EntityManager em,
                      @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") String user,
                      @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.loader = loader;
        this.em = em;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
        listener = PostgresChannel.listen(CHANNEL, url, user, password, from -> {
            if (!instance.equals(from)) {
                changed();
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        if (listener != null) {
            listener.close();
        }
        refresher.shutdownNow();
    }

    /** Inside the changing transaction: tells every replica, when it commits. */
    void announce(@Observes ConfigurationChanged change) {
        // One message per transaction however many changes it makes: PostgreSQL delivers equal ones once.
        PostgresChannel.announce(em, CHANNEL, List.of(instance));
    }

    /** This replica's own change, at once: an answer never lags behind a change that has returned. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
        changed();
    }

    private void changed() {
        generation.incrementAndGet();
        refresher.execute(this::refreshQuietly);
    }

    @Scheduled(every = "${zorgpad.pathway.routes.refresh-interval}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodicRefresh() {
        generation.incrementAndGet();
        refreshQuietly();
    }

    /**
     * The current snapshot if it is up to date, else null: then {@link #snapshot()} must rebuild it first, which
     * reads the database and so may not run on an event-loop thread.
     */
    public RouteSnapshot freshSnapshot() {
        Loaded loaded = current;
        return loaded.generation >= generation.get() ? loaded.snapshot : null;
    }

    public RouteSnapshot snapshot() {
        Loaded loaded = current;
        if (loaded.generation >= generation.get()) {
            return loaded.snapshot;
        }
        try {
            return refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Route snapshot refresh failed, serving the previous one: %s", e.getMessage());
            return loaded.snapshot;
        }
    }

    synchronized RouteSnapshot refresh() {
        long wanted = generation.get();
        if (current.generation >= wanted) {
            return current.snapshot;
        }
        RouteSnapshot snapshot = loader.load();
        current = new Loaded(wanted, snapshot);
        return snapshot;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Route snapshot refresh failed, will retry on next use: %s", e.getMessage());
        }
    }
}
