package nl.zorgpad.referral.rest;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.referral.client.PathwayUnavailableException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** What only referral-service maps itself; every other failure is mapped by service-commons' ProblemMappers. */
public class ReferralProblemMappers {

    private static final Logger LOG = Logger.getLogger(ReferralProblemMappers.class);

    @ServerExceptionMapper
    public Response unavailable(PathwayUnavailableException e) {
        LOG.warnf("pathway-service unavailable: %s", e.getCause() == null ? e.getMessage() : e.getCause().toString());
        return Problem.of(ProblemType.PATHWAY_UNAVAILABLE,
                "pathway-service did not answer; nothing was stored. Try again in a minute, or phone the partner "
                        + "when the need is acute.", List.of(), Map.of(Problem.RETRY_AFTER_SECONDS, 30)).toResponse();
    }

    /** Two changes of one referral at the same moment: the later one read a version that is gone. */
    @ServerExceptionMapper
    public Response stale(OptimisticLockException e) {
        return Problem.response(ProblemType.STALE,
                "Someone else changed this referral at the same time; read it again and retry");
    }
}
