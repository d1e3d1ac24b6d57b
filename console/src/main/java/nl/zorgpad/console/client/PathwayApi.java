package nl.zorgpad.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import nl.zorgpad.console.client.Pathways.ResolveRequest;
import nl.zorgpad.console.client.Pathways.Resolved;
import nl.zorgpad.console.client.Pathways.SignalType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pathway-service's catalogue and route resolution, called with the logged-in user's access token. */
@RegisterRestClient(configKey = "pathway")
@RegisterProvider(ProblemResponses.class)
@AccessToken
@Path("/api")
public interface PathwayApi {

    @GET
    @Path("/signal-types")
    List<SignalType> signalTypes();

    @POST
    @Path("/routes/resolve")
    Resolved resolve(ResolveRequest request);
}
