package nl.zorgpad.referral.support;

import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Direct SQL against the service's database, as the application role, to check side effects. */
public final class Db {

    private Db() {
    }

    public static long count(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(AgroalDataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int update(AgroalDataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }

    /** How many sessions on this database are waiting for a lock right now. */
    private static long sessionsWaitingForALock(AgroalDataSource ds) {
        return count(ds, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND wait_event_type = 'Lock'");
    }

    /**
     * Runs {@code job} twice at once, as two replicas would, while another transaction holds the lock of the referral
     * {@code id}, and releases it once both runs wait for it. Returns whether both were seen waiting at the same
     * time; a run's failure is thrown.
     */
    public static <T> boolean twoRunsAgainstAHeldReferral(AgroalDataSource ds, UUID id, Callable<T> job)
            throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try (Connection holder = ds.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("SELECT 1 FROM referral WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, id);
                lock.execute();
            }
            List<Future<T>> runs = List.of(replicas.submit(job), replicas.submit(job));
            // Until both wait for the lock, or (when they do not take it) both are done.
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> sessionsWaitingForALock(ds) >= 2 || runs.stream().allMatch(Future::isDone));
            boolean bothWaited = sessionsWaitingForALock(ds) >= 2;
            holder.commit();
            for (Future<T> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
            return bothWaited;
        } finally {
            replicas.shutdownNow();
        }
    }
}
