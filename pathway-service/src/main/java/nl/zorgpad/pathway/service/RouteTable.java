package nl.zorgpad.pathway.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import nl.zorgpad.pathway.routing.RouteSnapshot;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link RouteSnapshot}. A committed change bumps the generation and rebuilds the snapshot in
 * the background; a reader that finds its snapshot older than the last commit rebuilds it first, so an answer never
 * lags behind a publish that has returned. A periodic refresh picks up changes made by other instances.
 */
@ApplicationScoped
public class RouteTable {

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

    public RouteTable(SnapshotLoader loader) {
        this.loader = loader;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    void onStop(@Observes ShutdownEvent event) {
        refresher.shutdownNow();
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
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
