package nl.zorgpad.pathway.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.pathway.routing.ResolveResult;
import nl.zorgpad.pathway.service.RouteService;
import nl.zorgpad.pathway.service.RouteService.ResolveRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Resolution is served from memory, so it runs on the event loop (see RouteService#resolveNonBlocking). */
@Path("/api/routes")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routes", description = "Where to hand a family over, per signal")
public class RouteResource {

    private final RouteService routes;

    public RouteResource(RouteService routes) {
        this.routes = routes;
    }

    @POST
    @Path("/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM, Roles.VSV_ADMIN, Roles.SERVICE})
    @Operation(summary = "Resolve routes for signals: primary route, ranked alternatives, closed partners passed"
            + " over, or an explicit no-route gap. Served from memory.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Meriam", value = "{\"postcode\":\"9203AB\","
            + "\"signalTypes\":[\"financial-debt\",\"psychological\"],\"dueDate\":\"2027-03-01\",\"vulnerability\":"
            + "\"vulnerable\",\"clientAge\":24,\"urgency\":\"routine\"}")))
    @APIResponse(responseCode = "200", description = "One result per signal", content = @Content(
        schema = @Schema(implementation = ResolveResult.class), examples = @ExampleObject(
            name = "routed and gap", value = "{\"phase\":\"pregnancy\",\"municipalityCode\":\"GM0090\","
            + "\"results\":[{\"signalType\":\"financial-debt\",\"status\":\"routed\",\"primary\":{\"partnerId\":"
            + "\"partner-wijkteam-smallingerland\",\"partnerName\":\"Sociaal Wijkteam Smallingerland\",\"partnerKind\":"
            + "\"district-team\",\"contactPoint\":{\"id\":\"intake\",\"name\":\"Intake jonge gezinnen\",\"phone\":"
            + "\"0512 000 000\",\"email\":\"intake@example.org\",\"openingHours\":\"ma-vr 9-17\"},\"instruction\":"
            + "\"Discuss the child package.\",\"responseTargetWorkingDays\":{\"routine\":5,\"urgent\":1},"
            + "\"capacityStatus\":\"open\",\"waitlistWeeks\":null,\"pathwayId\":\"pw-1\",\"pathwayVersion\":2,"
            + "\"regionId\":\"region-zuidoost-friesland\",\"matchReason\":\"rule 1: municipality Smallingerland"
            + " (GM0090), phase pregnancy\"},\"alternatives\":[],\"passedOver\":[],\"gap\":null}]}")))
    @APIResponse(responseCode = "400", description = "Not readable as JSON of this shape"
            + " (problem type unreadable)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role may not resolve routes")
    @APIResponse(responseCode = "422", description = "No place given, unknown signal type, or dates outside the"
            + " 1000-day window")
    @NonBlocking
    public Uni<ResolveResult> resolveRoutes(@Valid @NotNull ResolveRequest request) {
        return routes.resolveNonBlocking(request);
    }
}
