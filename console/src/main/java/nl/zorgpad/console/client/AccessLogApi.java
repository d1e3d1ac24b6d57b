package nl.zorgpad.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.console.client.AccessLogs.ClientOverview;
import nl.zorgpad.console.client.AccessLogs.Line;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * referral-service's access log, called with the privacy officer's own access token. The criteria travel as query
 * parameters of this server-to-server call only; the browser sends them in a form body, and neither side logs them.
 */
@RegisterRestClient(configKey = "referral")
@RegisterProvider(ProblemResponses.class)
@AccessToken
@Path("/api")
public interface AccessLogApi {

    /** Every access matching any of the given criteria (null ones are left out), oldest first. */
    @GET
    @Path("/access-log")
    List<Line> find(@QueryParam("bsn") String bsn, @QueryParam("name") String name,
                    @QueryParam("birthDate") LocalDate birthDate, @QueryParam("referralId") UUID referralId);

    /** The client's overview by BSN and/or name with birth date (null ones are left out). */
    @GET
    @Path("/access-log/client-overview")
    ClientOverview overview(@QueryParam("bsn") String bsn, @QueryParam("name") String name,
                            @QueryParam("birthDate") LocalDate birthDate);
}
