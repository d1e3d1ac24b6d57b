package nl.zorgpad.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service, called with the logged-in user's access token. */
@RegisterRestClient(configKey = "notification")
@RegisterProvider(ProblemResponses.class)
@AccessToken
@Path("/api/inbox")
public interface NotificationApi {

    /** The organisation's live inbox: one event per new inbox item. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    Multi<String> stream();
}
