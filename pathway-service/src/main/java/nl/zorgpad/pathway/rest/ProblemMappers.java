package nl.zorgpad.pathway.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.commons.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What only pathway-service answers in its own way; every other failure is mapped by service-commons. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response optimistic(OptimisticLockException e) {
        return Problem.response(409, "conflict", "Conflict",
                "The object changed concurrently; read it again and retry");
    }
}
