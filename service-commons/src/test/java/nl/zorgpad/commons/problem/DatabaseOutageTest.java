package nl.zorgpad.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionDeepInTheCausesIsAnOutage() {
        PSQLException refused = new PSQLException("Connection to localhost:15432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertTrue(DatabaseOutage.isCauseOf(new PersistenceException("commit failed",
                new IllegalStateException("transaction", refused))));
    }

    @Test
    void aServerShuttingDownAndAPoolThatCannotOpenAConnectionAreOutages() {
        assertTrue(DatabaseOutage.isCauseOf(new SQLException("terminating connection due to administrator command",
                "57P01")));
        assertTrue(DatabaseOutage.isCauseOf(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aBrokenRuleOrABugIsNoOutage() {
        assertFalse(DatabaseOutage.isCauseOf(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseOutage.isCauseOf(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.isCauseOf(new IllegalStateException("a bug")));
    }

    @Test
    void aScheduledTurnSkipsAnOutageButNotABug() {
        PSQLException refused = new PSQLException("Connection to localhost:15432 refused",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        DatabaseOutage.runScheduled("Test job", () -> {
            throw new PersistenceException(refused);
        });
        IllegalStateException bug = new IllegalStateException("a bug");
        assertSame(bug, assertThrows(IllegalStateException.class, () -> DatabaseOutage.runScheduled("Test job",
                () -> {
                    throw bug;
                })));
    }

    @Test
    void anOutageIsAnsweredAsARetryable503() {
        Response response = ProblemMappers.databaseUnavailable(new SQLException("gone", "08006"));
        assertEquals(503, response.getStatus());
        assertEquals("30", String.valueOf(response.getHeaderString("Retry-After")));
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://zorgpad.nl/problems/database-unavailable", problem.type().toString());
        assertEquals(Map.of(Problem.RETRY_AFTER_SECONDS, 30), problem.extensions());
    }
}
