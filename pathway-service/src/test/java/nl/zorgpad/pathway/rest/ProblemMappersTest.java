package nl.zorgpad.pathway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.commons.problem.Problem;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void aConcurrentChangeToTheSameRowIsAStaleVersion() {
        Response response = new ProblemMappers().optimistic(new OptimisticLockException("row was updated"));

        assertEquals(412, response.getStatus());
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://zorgpad.nl/problems/stale", problem.type().toString());
        assertEquals("Changed in the meantime", problem.title());
        assertEquals("The object changed concurrently; read it again and retry", problem.detail());
    }
}
