package nl.zorgpad.referral.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.referral.client.PathwayUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What only referral-service answers in its own way; every other failure is mapped by service-commons. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response unavailable(PathwayUnavailableException e) {
        LOG.warnf("pathway-service unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return Problem.response(503, "pathway-unavailable", "Routes cannot be resolved right now",
                "pathway-service did not answer; nothing was stored. Try again in a minute, or phone the partner "
                        + "when the need is acute.", List.of(), Map.of("retryAfterSeconds", 30));
    }

    /** Two changes of one referral at the same moment: the later one read a version that is gone. */
    @ServerExceptionMapper
    public Response stale(OptimisticLockException e) {
        return Problem.response(412, "stale", "The referral changed in the meantime",
                "Someone else changed this referral at the same time; read it again and retry");
    }
}
