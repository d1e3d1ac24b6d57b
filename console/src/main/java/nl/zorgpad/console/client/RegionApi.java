package nl.zorgpad.console.client;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.console.client.Regions.Capacity;
import nl.zorgpad.console.client.Regions.Coverage;
import nl.zorgpad.console.client.Regions.DraftRules;
import nl.zorgpad.console.client.Regions.ImportReport;
import nl.zorgpad.console.client.Regions.NewPathway;
import nl.zorgpad.console.client.Regions.Partner;
import nl.zorgpad.console.client.Regions.Pathway;
import nl.zorgpad.console.client.Regions.Publication;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.Version;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * pathway-service's region administration (coverage, partners, pathways, import and export), called with the
 * logged-in coordinator's access token. The region is always her own ({@code org_id}); the service refuses any
 * other with 404 or 403.
 */
@RegisterRestClient(configKey = "pathway")
@RegisterProvider(ProblemResponses.class)
@AccessToken
@Path("/api/regions/{regionId}")
@Produces(MediaType.APPLICATION_JSON)
public interface RegionApi {

    @GET
    Region region(@PathParam("regionId") String regionId);

    /** The white spots: one cell per signal type x municipality x phase, and partners with stale capacity. */
    @GET
    @Path("/coverage")
    Coverage coverage(@PathParam("regionId") String regionId);

    @GET
    @Path("/partners")
    List<Partner> partners(@PathParam("regionId") String regionId);

    /** Confirms the partner's capacity now, also when it did not change. */
    @PUT
    @Path("/partners/{partnerId}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    Partner confirmCapacity(@PathParam("regionId") String regionId, @PathParam("partnerId") String partnerId,
                            Capacity capacity);

    @GET
    @Path("/pathways")
    List<Pathway> pathways(@PathParam("regionId") String regionId);

    /** Starts a pathway for a signal type as draft version 1. */
    @POST
    @Path("/pathways")
    @Consumes(MediaType.APPLICATION_JSON)
    Pathway startPathway(@PathParam("regionId") String regionId, NewPathway pathway);

    @GET
    @Path("/pathways/{pathwayId}")
    Pathway pathway(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId);

    @GET
    @Path("/pathways/{pathwayId}/versions/{version}")
    Version version(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                    @PathParam("version") int version);

    /** Saves the open draft's rules, or opens a new draft version when only published ones exist. */
    @PUT
    @Path("/pathways/{pathwayId}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    Version saveDraft(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                      DraftRules rules);

    @POST
    @Path("/pathways/{pathwayId}/versions/{version}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    Version publish(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                    @PathParam("version") int version, Publication publication);

    /** The region, its partners and pathways as one YAML document. */
    @GET
    @Path("/export")
    @Produces(Regions.YAML)
    String export(@PathParam("regionId") String regionId);

    /** Imports a YAML document all-or-nothing; with {@code dryRun} only lists what would change. */
    @POST
    @Path("/import")
    @Consumes(Regions.YAML)
    ImportReport importDocument(@PathParam("regionId") String regionId, @QueryParam("dryRun") boolean dryRun,
                                String document);
}
