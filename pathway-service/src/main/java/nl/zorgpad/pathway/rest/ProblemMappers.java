package nl.zorgpad.pathway.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What only pathway-service maps itself; every other failure is mapped by service-commons. */
public class ProblemMappers {

    /**
     * Two coordinators changed the same row at once (its {@code @Version} moved under the second): the second one's
     * version is stale, the same 412 {@code stale} as an If-Match that is not the current ETag.
     */
    @ServerExceptionMapper
    public Response optimistic(OptimisticLockException e) {
        return Problem.response(ProblemType.STALE, "The object changed concurrently; read it again and retry");
    }
}
