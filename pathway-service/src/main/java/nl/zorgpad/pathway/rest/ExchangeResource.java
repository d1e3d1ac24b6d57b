package nl.zorgpad.pathway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.pathway.service.ExchangeService;
import nl.zorgpad.pathway.service.ExchangeService.ImportReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/regions/{regionId}")
@RolesAllowed(Roles.VSV_ADMIN)
@Tag(name = "Import and export", description = "A region's partners and pathways as one YAML document")
public class ExchangeResource {

    public static final String YAML = "application/yaml";
    static final String EXAMPLE = "format: zorgpad-pathways/1\nregionId: region-zuidoost-friesland\nregion:\n"
            + "  name: VSV Zuidoost-Friesland\n  municipalities:\n  - code: GM0090\n    name: Smallingerland\n"
            + "    postcodes: [\"9200\", \"9203\"]\npartners:\n- id: partner-wijkteam-smallingerland\n"
            + "  name: Sociaal Wijkteam Smallingerland\n  kind: district-team\n  contactPoints:\n  - id: intake\n"
            + "    name: Intake\n  capacity:\n    status: open\npathways:\n- signalType: financial-debt\n"
            + "  published:\n    version: 1\n    effectiveFrom: 2026-01-01\n    rules:\n    - target:\n"
            + "        partnerId: partner-wijkteam-smallingerland\n      instruction: Discuss the child package.\n"
            + "      responseTargetWorkingDays:\n        routine: 5\n        urgent: 1\n";

    private final ExchangeService exchange;

    public ExchangeResource(ExchangeService exchange) {
        this.exchange = exchange;
    }

    @GET
    @Path("/export")
    @Produces(YAML)
    @Operation(summary = "Export your region, its partners and pathways (version in force and open draft) as YAML")
    @APIResponse(responseCode = "200", description = "The document",
            content = @Content(mediaType = YAML, examples = @ExampleObject(name = "export", value = EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    public String exportRegion(@PathParam("regionId") String regionId) {
        return exchange.export(regionId);
    }

    @POST
    @Path("/import")
    @Consumes({YAML, "text/yaml", "application/x-yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a YAML document: the region becomes what it says. Validated as a whole, applied"
            + " all-or-nothing; partners it leaves out are deactivated, published pathways it leaves out retired,"
            + " drafts it leaves out discarded. With dryRun=true it only reports what would change")
    @RequestBody(content = @Content(mediaType = YAML, examples = @ExampleObject(name = "document", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "What changed (or would change)", content = @Content(
            schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(
            name = "dry run", value = "{\"dryRun\":true,\"applied\":false,\"changes\":"
            + "[{\"kind\":\"partner\",\"id\":\"partner-wijkteam-smallingerland\",\"action\":\"updated\"},"
            + "{\"kind\":\"partner\",\"id\":\"partner-old-programme\",\"action\":\"deactivated\"},"
            + "{\"kind\":\"pathway\",\"id\":\"pw-7\",\"action\":\"retired\"}]}")))
    @APIResponse(responseCode = "400", description = "Not readable as a document of this format")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a vsv-admin")
    @APIResponse(responseCode = "404", description = "Not your region")
    @APIResponse(responseCode = "422", description = "Invalid content; every error is listed and nothing is imported")
    public ImportReport importRegion(@PathParam("regionId") String regionId,
                                       @QueryParam("dryRun") @DefaultValue("false") boolean dryRun, String document) {
        return exchange.importDocument(regionId, document, dryRun);
    }
}
