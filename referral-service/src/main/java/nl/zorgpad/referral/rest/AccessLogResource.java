package nl.zorgpad.referral.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.service.AccessLogQuery;
import nl.zorgpad.referral.service.AccessLogVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/access-log")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log", description = "NEN 7513: who accessed a client's data")
public class AccessLogResource {

    private final AccessLogQuery query;
    private final AccessLogVerification verification;
    private final CurrentCaller caller;

    public AccessLogResource(AccessLogQuery query, AccessLogVerification verification, CurrentCaller caller) {
        this.query = query;
        this.verification = verification;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Who saw this client's data",
            description = "By BSN, by name + date of birth, or by referral id (any combination matches either). "
                    + "The search is itself an access to the client's data and is logged (NEN 7513): one record "
                    + "per referral found, event access-log-search, with the privacy officer as user and her "
                    + "organisation, outcome success. It is written after the answer is read, so the answer shows "
                    + "earlier searches but not this one. A search that finds nothing records nothing.")
    @APIResponse(responseCode = "200", description = "Every access, oldest first (earlier searches included)",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AccessLogQuery.Line.class),
                    examples = @ExampleObject(name = "a read and an earlier search", value = """
                            [{"at":"2026-11-24T10:00:00Z","event":"read",
                              "referralId":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","userId":"daan",
                              "organisationId":"partner-wijkteam-smallingerland","onBehalfOf":"daan",
                              "outcome":"success"},
                             {"at":"2026-12-01T14:30:00Z","event":"access-log-search",
                              "referralId":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","userId":"pim",
                              "organisationId":"privacy-office","onBehalfOf":"pim","outcome":"success"}]""")))
    @APIResponse(responseCode = "403", description = "Not a privacy officer")
    @APIResponse(responseCode = "422", description = "No or invalid client/referral given",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AccessLogQuery.Line> findAccesses(@QueryParam("bsn") String bsn, @QueryParam("name") String name,
                                          @QueryParam("birthDate") LocalDate birthDate,
                                          @QueryParam("referralId") UUID referralId) {
        return query.find(caller.get(), bsn, name, birthDate, referralId);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Check that no access-log record was changed or removed",
            description = "Recomputes every record's hash over its content and the hash of the record before it in"
                    + " its organisation's chain, and names the first record (by time) that does not fit. The heads"
                    + " of the chains are returned too: a copy kept from an earlier check shows that nothing was"
                    + " rewritten up to there. Reads no client data and is not itself logged.")
    @APIResponse(responseCode = "200", description = "The result; intact is false when a record does not fit",
            content = @Content(schema = @Schema(implementation = AccessLogVerification.Verification.class),
                    examples = @ExampleObject(name = "a changed record", value = """
                            {"intact":false,"recordsChecked":1043,
                             "firstBroken":{"id":1042,"at":"2026-11-24T10:00:00Z",
                              "organisationId":"partner-wijkteam-smallingerland","position":17,"problem":"changed"},
                             "heads":[{"organisationId":"partner-wijkteam-smallingerland","position":17,
                              "hash":"9f2c6a0e4b1d3c5e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a privacy officer")
    public AccessLogVerification.Verification verifyAccessLog() {
        return verification.verify();
    }
}
