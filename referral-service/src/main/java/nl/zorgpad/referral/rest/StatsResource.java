package nl.zorgpad.referral.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.service.StatsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/stats")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Monitoring", description = "Counts and lead times for a region's VSV, never a person")
public class StatsResource {

    private final StatsService stats;
    private final CurrentCaller caller;

    public StatsResource(StatsService stats, CurrentCaller caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.VSV_ADMIN)
    @Operation(summary = "Referral statistics of the caller's region",
            description = "Counts by signal, municipality, phase, month and status; median and p90 hours to accept "
                    + "and to first contact; outcomes and rejection reasons. Every count from 1 to 4 reads \"<5\";"
                    + " where the breakdowns and the total would still give a hidden count away by arithmetic, the"
                    + " smallest count linked to it reads \">=5\" too (secondary suppression).")
    @APIResponse(responseCode = "200", description = "The region's figures",
            content = @Content(schema = @Schema(implementation = StatsService.Stats.class),
                    examples = @ExampleObject(name = "small region", value = """
                            {"regionId":"region-zuidoost-friesland","from":"2026-01-01","to":"2026-12-31",
                             "total":12,"bySignal":{"financial-debt":9,"smoking":"<5"},
                             "byMunicipality":{"GM0086":"<5","GM0090":"<5","GM0098":5},
                             "byPhase":{"postpartum":"<5","pregnancy":">=5"},
                             "byMonth":{"2026-11":12},"byStatus":{"accepted":"<5","rejected":"<5","requested":7},
                             "timeToAccept":{"count":"<5","medianHours":null,"p90Hours":null},
                             "timeToFirstContact":{"count":"<5","medianHours":null,"p90Hours":null},
                             "outcomes":{"rejected":"<5"},"rejectionReasons":{"no-capacity":"<5"},
                             "failureReasons":{}}""")))
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "422", description = "Invalid period", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public StatsService.Stats getStats(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return stats.forRegion(caller.get(), from, to);
    }
}
