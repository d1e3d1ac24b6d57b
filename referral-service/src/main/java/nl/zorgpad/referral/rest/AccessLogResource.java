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
import nl.zorgpad.referral.service.ClientOverview;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
                    + "Only the accesses to referrals in which one of the organisations the privacy officer answers "
                    + "for (token claim privacy_org_ids) is a party, as referring practice or receiving partner; "
                    + "another organisation's referral is not found (an empty list). "
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
                              "outcome":"success","role":"district-team","application":"zorgpad-console",
                              "service":"referral-service"},
                             {"at":"2026-12-01T14:30:00Z","event":"access-log-search",
                              "referralId":"6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f","userId":"pim",
                              "organisationId":"privacy-office","onBehalfOf":"pim","outcome":"success",
                              "role":"privacy-officer","application":"zorgpad-console",
                              "service":"referral-service"}]""")))
    @APIResponse(responseCode = "403", description = "Not a privacy officer, or her token names no organisation "
            + "(org_id) or none she answers for (privacy_org_ids)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No or invalid client/referral given",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public List<AccessLogQuery.Line> findAccesses(@QueryParam("bsn") String bsn, @QueryParam("name") String name,
                                          @QueryParam("birthDate") LocalDate birthDate,
                                          @QueryParam("referralId") UUID referralId) {
        return query.find(caller.get(), bsn, name, birthDate, referralId);
    }

    @GET
    @Path("/client-overview")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Overview for a client: which organisations saw her data (Wabvpz art. 15d)",
            description = "By BSN, or by name + date of birth (both given: either matches). Per access the "
                    + "organisation, the role in which its staff acted, when, and what they did in plain Dutch; "
                    + "per organisation a summary. No persons: the law asks for organisations and categories of "
                    + "persons, the user ids stay in the access log (GET /api/access-log). Only referrals in which "
                    + "one of the privacy officer's organisations (privacy_org_ids) is a party. Compiling it is an "
                    + "access to the client's data: logged like a search, event client-overview, one record per "
                    + "referral found, after the answer is read.")
    @APIResponse(responseCode = "200", description = "The overview; empty lists when nothing was found",
            content = @Content(schema = @Schema(implementation = ClientOverview.class),
                    examples = @ExampleObject(name = "a referral and a look at it", value = """
                            {"organisations":[
                              {"organisationId":"practice-de-wieken","roles":["midwife"],
                               "firstAccess":"2026-11-20T09:31:00Z","lastAccess":"2026-11-20T09:31:00Z","accesses":1},
                              {"organisationId":"partner-wijkteam-smallingerland","roles":["district-team"],
                               "firstAccess":"2026-11-24T10:00:00Z","lastAccess":"2026-11-24T10:00:00Z",
                               "accesses":1}],
                             "accesses":[
                              {"at":"2026-11-20T09:31:00Z","organisationId":"practice-de-wieken","role":"midwife",
                               "event":"create","action":"heeft de verwijzing aangemaakt","outcome":"success"},
                              {"at":"2026-11-24T10:00:00Z","organisationId":"partner-wijkteam-smallingerland",
                               "role":"district-team","event":"read","action":"heeft de verwijzing bekeken",
                               "outcome":"success"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a privacy officer, or her token names no organisation "
            + "(org_id) or none she answers for (privacy_org_ids)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "No BSN and no name + birth date, an invalid BSN, a name "
            + "without birth date or the reverse, or a birth date that is no date",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid BSN",
                    value = """
                            {"type":"https://zorgpad.nl/problems/validation","title":"The request is not valid",
                             "status":422,"detail":"Invalid access-log query",
                             "errors":[{"field":"bsn","message":"is not a valid BSN"}]}""")))
    public ClientOverview clientOverview(
            @Parameter(description = "The client's BSN (9 digits, 11-check)", example = "111222333")
            @QueryParam("bsn") String bsn,
            @Parameter(description = "The client's name, with birthDate", example = "Meriam Bakker")
            @QueryParam("name") String name,
            @Parameter(description = "The client's date of birth (yyyy-mm-dd), with name", example = "2001-03-04")
            @QueryParam("birthDate") String birthDate) {
        return query.overview(caller.get(), bsn, name, birthDate);
    }

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(summary = "Check that no access-log record was changed or removed",
            description = "Recomputes every record's hash over its content and the hash of the record before it in"
                    + " its organisation's chain, and names the first record (by time) that does not fit. The heads"
                    + " of the chains are returned too: a copy kept from an earlier check shows that nothing was"
                    + " rewritten up to there. Checks and reports only the chains of the organisations the privacy"
                    + " officer answers for (privacy_org_ids) and of her own office (org_id). Reads no client data"
                    + " and is not itself logged.")
    @APIResponse(responseCode = "200", description = "The result; intact is false when a record does not fit",
            content = @Content(schema = @Schema(implementation = AccessLogVerification.Verification.class),
                    examples = @ExampleObject(name = "a changed record", value = """
                            {"intact":false,"recordsChecked":1043,
                             "firstBroken":{"id":1042,"at":"2026-11-24T10:00:00Z",
                              "organisationId":"partner-wijkteam-smallingerland","position":17,"problem":"changed"},
                             "heads":[{"organisationId":"partner-wijkteam-smallingerland","position":17,
                              "hash":"9f2c6a0e4b1d3c5e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f"}]}""")))
    @APIResponse(responseCode = "403", description = "Not a privacy officer, or her token names no organisation "
            + "(org_id) or none she answers for (privacy_org_ids)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AccessLogVerification.Verification verifyAccessLog() {
        return verification.verify(caller.get());
    }
}
