package nl.zorgpad.commons.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Recognises a failure that means "the database cannot be reached" (stopped, restarting, the network gone, the pool
 * unable to open a connection) anywhere in an exception's causes. Such a request is answered like an unavailable
 * peer, 503 with Retry-After, not as a fault of the service: its transaction rolled back, nothing was stored.
 */
public final class DatabaseOutage {

    private static final int MAX_DEPTH = 32;
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);

    private DatabaseOutage() {
    }

    public static boolean isCauseOf(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.JDBCConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionState(sql.getSQLState()) || poolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs one turn of a scheduled job. While the database is unreachable the turn is a single warning line, not
     * the scheduler's error with a stack trace each time: the job does nothing then and its next turn tries again.
     * Any other failure is the job's fault and propagates.
     */
    public static void runScheduled(String job, Runnable turn) {
        try {
            turn.run();
        } catch (RuntimeException e) {
            if (!isCauseOf(e)) {
                throw e;
            }
            LOG.warnf("%s skipped: the database cannot be reached; the next run tries again", job);
        }
    }

    /**
     * SQLSTATE class 08 is a connection exception; 57P01 to 57P03 are the server shutting down, crashed or not yet
     * accepting connections.
     */
    private static boolean connectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }

    /** Agroal gives up waiting for a connection it cannot open (no SQLSTATE of its own). */
    private static boolean poolTimeout(SQLException sql) {
        return sql.getSQLState() == null && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}
