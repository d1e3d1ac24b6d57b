package nl.zorgpad.referral.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pathway-service's resolve API, called with the referral service's own token (client credentials). */
@RegisterRestClient(configKey = "pathway")
@RegisterProvider(PathwayErrorMapper.class)
@OidcClientFilter
@Path("/api/routes")
public interface PathwayApi {

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    ResolveResponse resolve(ResolveRequest request);
}
