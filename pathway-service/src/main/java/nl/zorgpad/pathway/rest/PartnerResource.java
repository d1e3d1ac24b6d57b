package nl.zorgpad.pathway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.rest.Views.PartnerView;
import nl.zorgpad.pathway.service.PartnerService;
import nl.zorgpad.pathway.service.PartnerService.Capacity;
import nl.zorgpad.pathway.service.PartnerService.PartnerData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/regions/{regionId}/partners")
@RolesAllowed(Roles.VSV_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Organisations that take referrals; managed by the region's coordinators")
public class PartnerResource {

    static final String EXAMPLE = "{\"id\":\"partner-wijkteam-smallingerland\",\"name\":\"Sociaal Wijkteam "
            + "Smallingerland\",\"kind\":\"district-team\",\"contactPoints\":[{\"id\":\"intake\",\"name\":\"Intake"
            + " jonge gezinnen\",\"phone\":\"0512 000 000\",\"email\":\"intake@example.org\",\"openingHours\":"
            + "\"ma-vr 9:00-17:00\"}],\"municipalities\":[\"GM0090\"],\"postcodes\":[],\"languages\":[\"nl\","
            + "\"fy\",\"ar\"],\"interpreterSupport\":true,\"capacity\":{\"status\":\"open\"},\"active\":true}";

    private final PartnerService partners;

    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    @GET
    @Operation(summary = "List the partners of your region")
    @APIResponse(responseCode = "200", description = "The partners, by name")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    public List<PartnerView> listPartners(@PathParam("regionId") String regionId) {
        return partners.list(regionId).stream().map(PartnerView::of).toList();
    }

    @GET
    @Path("/{partnerId}")
    @Operation(summary = "Read one partner; the ETag carries its version")
    @APIResponse(responseCode = "200", description = "The partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region or no such partner")
    public Response getPartner(@PathParam("regionId") String regionId, @PathParam("partnerId") String partnerId) {
        Partner partner = partners.get(regionId, partnerId);
        return withTag(Response.ok(PartnerView.of(partner)), partner).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a partner to your region")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "district team", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the partner",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    @APIResponse(responseCode = "409", description = "The id is taken")
    @APIResponse(responseCode = "422", description = "A field breaks its constraint, or municipalities or PC4 areas lie"
            + " outside the region (problem type validation)")
    public Response createPartner(@PathParam("regionId") String regionId, @Valid @NotNull PartnerData data) {
        Partner partner = partners.create(regionId, data);
        return withTag(Response.created(UriBuilder.fromPath("/api/regions/{r}/partners/{p}")
                .build(regionId, partner.id)).entity(PartnerView.of(partner)), partner).build();
    }

    @PUT
    @Path("/{partnerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a partner; send If-Match with its ETag to avoid overwriting someone else's change")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "district team", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The partner as stored",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region or no such partner")
    @APIResponse(responseCode = "412", description = "The partner changed since the ETag in If-Match")
    @APIResponse(responseCode = "422", description = "A field breaks its constraint, or municipalities or PC4 areas lie"
            + " outside the region (problem type validation)")
    public Response replacePartner(@PathParam("regionId") String regionId, @PathParam("partnerId") String partnerId,
                           @HeaderParam("If-Match") String ifMatch, @Valid @NotNull PartnerData data) {
        Partner partner = partners.update(regionId, partnerId, data, version(ifMatch));
        return withTag(Response.ok(PartnerView.of(partner)), partner).build();
    }

    @PUT
    @Path("/{partnerId}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a partner's capacity now (open, waitlist with weeks, closed)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "waitlist",
            value = "{\"status\":\"waitlist\",\"waitlistWeeks\":3}")))
    @APIResponse(responseCode = "200", description = "The partner with its new capacity",
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "422", description = "A field breaks its constraint; errors[] names each"
            + " (problem type validation)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region or no such partner")
    public Response confirmCapacity(@PathParam("regionId") String regionId, @PathParam("partnerId") String partnerId,
                             @Valid @NotNull Capacity capacity) {
        Partner partner = partners.confirmCapacity(regionId, partnerId, capacity);
        return withTag(Response.ok(PartnerView.of(partner)), partner).build();
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder builder, Partner partner) {
        return builder.tag(new EntityTag(Long.toString(partner.version)));
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            // Matches no version of the partner, so it is stale like any other ETag that is not the current one.
            throw new ProblemException(ProblemType.STALE, "If-Match must be an ETag of this partner");
        }
    }
}
