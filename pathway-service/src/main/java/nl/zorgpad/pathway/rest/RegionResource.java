package nl.zorgpad.pathway.rest;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.Authenticated;
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
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.service.SignalTypeService;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import nl.zorgpad.pathway.rest.Views.RegionView;
import nl.zorgpad.pathway.service.CoverageService;
import nl.zorgpad.pathway.service.RegionService;
import nl.zorgpad.pathway.service.RegionService.RegionData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/regions/{regionId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "A VSV region, its municipalities and coverage; only its own coordinators")
public class RegionResource {

    private final RegionService regions;
    private final CoverageService coverage;
    private final SignalTypeService signalTypes;

    public RegionResource(RegionService regions, CoverageService coverage, SignalTypeService signalTypes) {
        this.regions = regions;
        this.coverage = coverage;
        this.signalTypes = signalTypes;
    }

    @POST
    @Path("/signal-types")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Add a local signal type for your own region")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "local", value = "{\"code\":\"zof-debt-rent\","
            + "\"labelNl\":\"Huurachterstand\",\"labelEn\":\"Rent arrears\",\"domain\":\"money\","
            + "\"description\":\"Rent arrears reported by the housing association.\","
            + "\"descriptionNl\":\"Huurachterstand die de woningcorporatie heeft gemeld.\"}")))
    @APIResponse(responseCode = "201", description = "Created; it can now be used in pathways and resolution",
            content = @Content(schema = @Schema(implementation = SignalTypeResource.SignalTypeView.class)))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "422", description = "A field breaks its constraint; errors[] names each"
            + " (problem type validation)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response addSignalType(@PathParam("regionId") String regionId,
                                  @Valid @NotNull SignalTypeService.LocalSignalType data) {
        SignalType type = signalTypes.addLocal(regionId, data);
        return Response.created(UriBuilder.fromPath("/api/signal-types").build())
                .entity(SignalTypeResource.SignalTypeView.of(type)).build();
    }

    @GET
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Read your own region with its municipalities and PC4 areas")
    @APIResponse(responseCode = "200", description = "The region", content = @Content(
            schema = @Schema(implementation = RegionView.class), examples = @ExampleObject(
            name = "region", value = "{\"id\":\"region-zuidoost-friesland\",\"name\":\"VSV Zuidoost-Friesland\","
            + "\"municipalities\":[{\"code\":\"GM0090\",\"name\":\"Smallingerland\",\"postcodes\":[\"9200\",\"9203\"]}]}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region, or no such region")
    public RegionView getRegion(@PathParam("regionId") String regionId) {
        return RegionView.of(regions.get(regionId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Create or replace your own region's name and municipalities")
    @APIResponse(responseCode = "200", description = "The region as stored")
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    @APIResponse(responseCode = "422", description = "A field breaks its constraint, or a municipality or PC4 area is"
            + " listed twice or belongs to another region (problem type validation)")
    public RegionView putRegion(@PathParam("regionId") String regionId, @Valid @NotNull RegionData data) {
        return RegionView.of(regions.put(regionId, data));
    }

    @GET
    @Path("/coverage")
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Coverage report per signal x municipality x phase: routed (every vulnerability level,"
            + " urgency, age and PC4 area), partly-routed (with the uncovered cases), only via closed partners or not"
            + " routed; plus partners whose capacity was not confirmed recently")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = CoverageService.Report.class), examples = @ExampleObject(
            name = "coverage", value = "{\"regionId\":\"region-zuidoost-friesland\",\"regionName\":"
            + "\"VSV Zuidoost-Friesland\",\"date\":\"2026-11-24\",\"summary\":{\"routed\":150,"
            + "\"partlyRouted\":30,\"onlyClosed\":3,\"notRouted\":33},\"cells\":[{\"signalType\":\"teen-parent\","
            + "\"municipalityCode\":\"GM0085\",\"municipalityName\":\"Ooststellingwerf\",\"phase\":\"pregnancy\","
            + "\"status\":\"not-routed\",\"pathwayId\":null,\"pathwayVersion\":null,\"uncovered\":[]},"
            + "{\"signalType\":\"psychological\",\"municipalityCode\":"
            + "\"GM0090\",\"municipalityName\":\"Smallingerland\",\"phase\":\"pregnancy\",\"status\":"
            + "\"partly-routed\",\"pathwayId\":\"pw-1\",\"pathwayVersion\":2,\"uncovered\":[{\"status\":\"not-routed\","
            + "\"postcodes\":[],\"vulnerabilities\":[\"self-reliant\",\"potentially-vulnerable\"],\"urgencies\":[],"
            + "\"minAge\":null,\"maxAge\":null}]}],\"staleAfterDays\":30,\"staleCapacity\":[]}")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    public CoverageService.Report getCoverage(@PathParam("regionId") String regionId) {
        return coverage.report(regionId);
    }

    @GET
    @Path("/coverage")
    @Produces("text/csv")
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Coverage report as CSV, one row per signal type x municipality x phase")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "csv", value = "signalType,municipalityCode,municipalityName,phase,status,"
            + "pathwayId,pathwayVersion,uncovered\r\nteen-parent,GM0085,Ooststellingwerf,pregnancy,not-routed,,,\r\n"
            + "psychological,GM0090,Smallingerland,pregnancy,partly-routed,pw-1,2,\"vulnerability self-reliant,"
            + " potentially-vulnerable: not-routed\"\r\n")))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    public String getCoverageCsv(@PathParam("regionId") String regionId) {
        return CoverageService.csv(coverage.report(regionId));
    }
}
