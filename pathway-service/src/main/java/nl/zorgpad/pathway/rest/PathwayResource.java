package nl.zorgpad.pathway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.pathway.rest.Views.PathwayView;
import nl.zorgpad.pathway.rest.Views.VersionView;
import nl.zorgpad.pathway.service.PathwayService;
import nl.zorgpad.pathway.service.PathwayService.DraftRules;
import nl.zorgpad.pathway.service.PathwayService.NewPathway;
import nl.zorgpad.pathway.service.PathwayService.PathwayHistory;
import nl.zorgpad.pathway.service.PathwayService.Publication;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/regions/{regionId}/pathways")
@RolesAllowed(Roles.VSV_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Pathways", description = "Versioned pathways per signal type: draft, publish, history")
public class PathwayResource {

    static final String RULES_EXAMPLE = "{\"signalType\":\"financial-debt\",\"rules\":[{\"when\":{\"municipalities\":"
            + "[\"GM0090\"],\"phases\":[\"pregnancy\",\"postpartum\"]},\"target\":{\"partnerId\":"
            + "\"partner-wijkteam-smallingerland\",\"contactPointId\":\"intake\"},\"instruction\":\"Discuss the child"
            + " package; the district team visits within a week.\",\"responseTargetWorkingDays\":{\"routine\":5,"
            + "\"urgent\":1}}]}";

    private final PathwayService pathways;

    public PathwayResource(PathwayService pathways) {
        this.pathways = pathways;
    }

    @GET
    @Operation(summary = "List the pathways of your region with their published and draft versions")
    @APIResponse(responseCode = "200", description = "The pathways, by signal type")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    public List<PathwayView> listPathways(@PathParam("regionId") String regionId) {
        return pathways.list(regionId).stream().map(PathwayView::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a pathway for a signal type as draft version 1")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "debts", value = RULES_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the pathway",
            content = @Content(schema = @Schema(implementation = PathwayView.class)))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    @APIResponse(responseCode = "409", description = "The region already has a pathway for this signal type")
    @APIResponse(responseCode = "422", description = "Unknown signal type, unknown/inactive partner, partner not"
            + " serving the area, shadowed rule; field errors say which")
    public Response createPathway(@PathParam("regionId") String regionId, @Valid @NotNull NewPathway request) {
        PathwayHistory created = pathways.create(regionId, request);
        return Response.created(UriBuilder.fromPath("/api/regions/{r}/pathways/{p}")
                .build(regionId, created.pathway().id)).entity(PathwayView.of(created)).build();
    }

    @GET
    @Path("/{pathwayId}")
    @Operation(summary = "Read a pathway and the list of its versions")
    @APIResponse(responseCode = "200", description = "The pathway")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region or no such pathway")
    public PathwayView getPathway(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId) {
        return PathwayView.of(pathways.get(regionId, pathwayId));
    }

    @GET
    @Path("/{pathwayId}/versions/{version}")
    @Operation(summary = "Read one version (draft or published) of a pathway with its rules")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region, no such pathway or version")
    public VersionView getPathwayVersion(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                               @PathParam("version") int version) {
        return VersionView.of(pathways.version(regionId, pathwayId, version));
    }

    @PUT
    @Path("/{pathwayId}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the draft's rules; when only published versions exist this opens a new draft version")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "debts", value = RULES_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The draft version")
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region or no such pathway")
    @APIResponse(responseCode = "422", description = "Invalid rules or fields; errors[] says which"
            + " (problem type validation)")
    public VersionView saveDraft(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                                 @Valid @NotNull DraftRules rules) {
        return VersionView.of(pathways.saveDraft(regionId, pathwayId, rules));
    }

    @POST
    @Path("/{pathwayId}/versions/{version}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a draft version from a date on; emits pathway.published")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "from", value = "{\"effectiveFrom\":\"2026-12-01\"}")))
    @APIResponse(responseCode = "200", description = "The published version")
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region, no such pathway or version")
    @APIResponse(responseCode = "409", description = "The version is already published")
    @APIResponse(responseCode = "422", description = "Invalid rules or an effective date overlapping a published version")
    public VersionView publish(@PathParam("regionId") String regionId, @PathParam("pathwayId") String pathwayId,
                               @PathParam("version") int version, @Valid @NotNull Publication publication) {
        return VersionView.of(pathways.publish(regionId, pathwayId, version, publication));
    }
}
