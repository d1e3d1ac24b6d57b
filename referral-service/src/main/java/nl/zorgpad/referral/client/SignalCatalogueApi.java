package nl.zorgpad.referral.client;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** pathway-service's signal catalogue, read with the referral service's own token: the national signal types. */
@RegisterRestClient(configKey = "pathway")
@RegisterProvider(PathwayErrorMapper.class)
@OidcClientFilter
@Path("/api/signal-types")
public interface SignalCatalogueApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<SignalType> signalTypes();

    /** One signal type as pathway-service publishes it; {@code regionId} is null for the national catalogue. */
    record SignalType(String code, String labelNl, String labelEn, String domain, String description,
                      String descriptionNl, String regionId) {
    }
}
