package nl.zorgpad.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.console.client.Referrals.Created;
import nl.zorgpad.console.client.Referrals.HistoryLine;
import nl.zorgpad.console.client.Referrals.NewReferral;
import nl.zorgpad.console.client.Referrals.Page;
import nl.zorgpad.console.client.Referrals.StatusRequest;
import nl.zorgpad.console.client.Referrals.Summary;
import nl.zorgpad.console.client.Referrals.View;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** referral-service, called with the logged-in user's access token. */
@RegisterRestClient(configKey = "referral")
@RegisterProvider(ProblemResponses.class)
@AccessToken
@Path("/api")
public interface ReferralApi {

    @GET
    @Path("/referrals")
    Page<Summary> list(@QueryParam("status") String status, @QueryParam("page") int page,
                       @QueryParam("size") int size);

    /** The same list call without blocking, so that the pages of a long list can be fetched side by side. */
    @GET
    @Path("/referrals")
    Uni<Page<Summary>> listLater(@QueryParam("status") String status, @QueryParam("page") int page,
                                 @QueryParam("size") int size);

    /** The referral with its ETag (the version an If-Match must name). */
    @GET
    @Path("/referrals/{id}")
    RestResponse<View> get(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/history")
    List<HistoryLine> history(@PathParam("id") UUID id);

    @POST
    @Path("/referrals")
    Created create(@HeaderParam("Idempotency-Key") String idempotencyKey, NewReferral referral);

    @POST
    @Path("/referrals/{id}/status")
    RestResponse<View> changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                    StatusRequest request);
}
