package nl.zorgpad.referral.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.service.CreatedReferrals;
import nl.zorgpad.referral.service.HistoryLine;
import nl.zorgpad.referral.service.NewReferral;
import nl.zorgpad.referral.service.ReferralCreation;
import nl.zorgpad.referral.service.ReferralLifecycle;
import nl.zorgpad.referral.service.ReferralQueries;
import nl.zorgpad.referral.service.ReferralView;
import nl.zorgpad.referral.service.StatusRequest;
import nl.zorgpad.referral.service.Versioned;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Warm handovers from midwife practices to partners, and their lifecycle")
public class ReferralResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            "referralId","status","createdAt","referringPracticeId","partnerId","partnerName","signalCodes",\
            "acknowledgeDeadline","overdue","reasonCode","outcome","closedAt","detailsErased","clientName",\
            "clientBirthDate","clientBsn","clientPhone","clientEmail","clientPostcode","clientHouseNumber",\
            "preferredLanguage","interpreterNeeded","literacyNote","hasSafeContact"
            "0b6f8c1e-5d7a-4c1e-9a43-2f1d7c9e8a10","requested","2026-11-24T09:31:02Z","practice-drachten-noord",\
            "partner-wijkteam-smallingerland","Sociaal Wijkteam Smallingerland","financial-debt","2026-12-01",\
            "false","","","","false","M. de Vries","2002-05-14","","0612345678","","9203AB","12","nl","false",\
            "prefers spoken explanation","true"
            """;
    private static final String CREATE_EXAMPLE = """
            {"client":{"name":"M. de Vries","birthDate":"2002-05-14","bsn":"111222333","phone":"0612345678",
             "postcode":"9203 AB","houseNumber":"12","preferredLanguage":"nl","interpreterNeeded":false,
             "literacyNote":"prefers spoken explanation",
             "safeContact":{"channels":["phone","home-visit"],"phone":"0687654321",
              "times":[{"days":["monday","wednesday"],"from":"09:00","until":"12:00"}],"noMessages":true,
              "note":"never when her partner is home"}},
             "pregnancy":{"dueDate":"2027-03-01","vulnerability":"vulnerable","urgency":"routine"},
             "signals":[{"code":"financial-debt","note":"worried about rent arrears"}],
             "consent":{"givenBy":"client","givenAt":"2026-11-24T09:30:00Z","method":"verbal",
              "partnerKinds":["district-team"],"dataCategories":["identity","contact","signals","safe-contact",
              "language"]},
             "referrer":{"name":"Anna Visser","role":"midwife","phone":"0512 123456"}}""";

    private final ReferralCreation creation;
    private final ReferralQueries queries;
    private final ReferralLifecycle lifecycle;
    private final CurrentCaller caller;

    public ReferralResource(ReferralCreation creation, ReferralQueries queries, ReferralLifecycle lifecycle,
                            CurrentCaller caller) {
        this.creation = creation;
        this.queries = queries;
        this.lifecycle = lifecycle;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MIDWIFE)
    @Operation(summary = "Hand a family over to partners, with consent",
            description = "Resolves routes through pathway-service; signals routed to the same partner become one "
                    + "handover. Signals without a route are listed as gaps. The referring practice is the "
                    + "token's org_id.")
    @APIResponse(responseCode = "201", description = "Handovers created; Location names the first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CreatedReferrals.class)))
    @APIResponse(responseCode = "400", description = "Unreadable JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "An open referral for this client, signal and partner exists",
            content = @Content(mediaType = PROBLEM),
            extensions = @Extension(name = "x-problem-types", value = "duplicate"))
    @APIResponse(responseCode = "422", description = "Invalid fields, consent missing or not covering the route, "
            + "no route for any signal, or an Idempotency-Key reused for another body",
            extensions = @Extension(name = "x-problem-types", value = "validation, no-route"),
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "invalid BSN", value = """
                    {"type":"https://zorgpad.nl/problems/validation","title":"The request is not valid","status":422,
                     "detail":"The handover request has 1 invalid field(s)",
                     "errors":[{"field":"client.bsn","message":"is not a valid BSN (nine digits passing the 11-check)"}]}
                    """)))
    @APIResponse(responseCode = "503", description = "pathway-service or the database unreachable; nothing stored. "
            + "Retry after the seconds in Retry-After",
            content = @Content(mediaType = PROBLEM),
            headers = @Header(name = "Retry-After", description = "Seconds to wait before trying again",
                    schema = @Schema(type = SchemaType.INTEGER)),
            extensions = @Extension(name = "x-problem-types", value = "pathway-unavailable,database-unavailable"))
    public Response createReferral(
            @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "handover", value = CREATE_EXAMPLE))) NewReferral request,
            @Parameter(description = "Makes a retry safe: the same key and body return the same answer")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        CreatedReferrals created = creation.create(caller.get(), request, idempotencyKey);
        return Response.created(URI.create(created.handovers().get(0).location())).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "List the referrals of the caller's organisation",
            description = "A midwife sees her practice's referrals, a district team those addressed to it. Newest "
                    + "first (creation time, then id).")
    @APIResponse(responseCode = "200", description = "A page of referrals",
            content = @Content(schema = @Schema(implementation = ReferralQueries.Page.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A role that may not read referrals (vsv-admin: use stats)")
    @APIResponse(responseCode = "422", description = "Invalid filter", content = @Content(mediaType = PROBLEM))
    public ReferralQueries.Page listReferrals(
            @QueryParam("status") String status,
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("signal") String signal,
            @Parameter(description = "Created on or after (yyyy-mm-dd)") @QueryParam("from") LocalDate from,
            @Parameter(description = "Created on or before (yyyy-mm-dd)") @QueryParam("to") LocalDate to,
            @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return queries.list(caller.get(), new ReferralQueries.ListFilter(status, overdue, signal, from, to,
                ReferralQueries.Narrowing.NONE, page, size));
    }

    @GET
    @Path("/export")
    @Produces(CSV)
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "Export the referrals of the caller's organisation as CSV",
            description = "Same filters and visibility as the list, without paging (at most "
                    + ReferralQueries.EXPORT_LIMIT + " referrals): a midwife exports her practice's referrals, a "
                    + "district team those addressed to it. Of the safe-contact rules only whether they exist "
                    + "(column hasSafeContact): the rules are never exported. Every exported referral is recorded "
                    + "in the access log (event export). Cells a spreadsheet would read as a formula start with an "
                    + "apostrophe.")
    @APIResponse(responseCode = "200", description = "One line per referral after a header line (RFC 4180)",
            content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "export", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A role that may not read referrals (vsv-admin: use stats)")
    @APIResponse(responseCode = "422", description = "Invalid filter, or more referrals than one export holds",
            content = @Content(mediaType = PROBLEM))
    public Response exportReferrals(@QueryParam("status") String status, @QueryParam("overdue") Boolean overdue,
                           @QueryParam("signal") String signal,
                           @Parameter(description = "Created on or after (yyyy-mm-dd)")
                           @QueryParam("from") LocalDate from,
                           @Parameter(description = "Created on or before (yyyy-mm-dd)")
                           @QueryParam("to") LocalDate to) {
        String csv = queries.export(caller.get(), new ReferralQueries.ExportFilter(status, overdue, signal,
                from, to));
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"referrals.csv\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "Read one referral", description = "The ETag header carries the version for If-Match.")
    @APIResponse(responseCode = "200", description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public Response getReferral(@PathParam("id") UUID id) {
        var read = queries.get(caller.get(), id);
        return Response.ok(read.value()).tag(etag(read.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "The status history of a referral: actor, organisation, time, reason")
    @APIResponse(responseCode = "200", description = "Every status change, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = HistoryLine.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public List<HistoryLine> getReferralHistory(@PathParam("id") UUID id) {
        return queries.history(caller.get(), id);
    }

    @POST
    @Path("/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "Move a referral to another status",
            description = "The receiving organisation accepts, rejects, starts, pauses, completes or fails; the "
                    + "referring practice may cancel. Reason code and text are required for rejected, cancelled, "
                    + "on-hold and failed; an outcome for completed.")
    @APIResponse(responseCode = "200", description = "The referral after the change, with its new ETag",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "403", description = "The other end of the referral makes this move",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not a legal transition; names the allowed ones",
            extensions = @Extension(name = "x-problem-types", value = "illegal-transition"),
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "illegal", value = """
                    {"type":"https://zorgpad.nl/problems/illegal-transition","title":"This status change is not possible",
                     "status":409,"detail":"A referral cannot go from requested to completed; you can move it to [accepted, rejected]",
                     "currentStatus":"requested","allowed":["accepted","rejected"]}""")))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Missing reason or outcome",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM))
    public Response changeStatus(@PathParam("id") UUID id,
                                 @Parameter(description = "The ETag of the version read")
                                 @HeaderParam("If-Match") String ifMatch,
                                 @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
                                         content = @Content(examples = @ExampleObject(name = "reject", value = """
                                                 {"status":"rejected","reasonCode":"no-capacity",
                                                  "reasonText":"Waiting list of 8 weeks"}"""))) StatusRequest request) {
        var changed = lifecycle.changeStatus(caller.get(), id, Versioned.fromIfMatch(ifMatch), request);
        return Response.ok(changed.value()).tag(etag(changed.version())).build();
    }

    @POST
    @Path("/{id}/consent-withdrawal")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    @Operation(summary = "Record that the client withdrew consent",
            description = "Cancels the referral (reason consent-withdrawn), erases the client details at once and "
                    + "tells the partner to delete its copy. Ids, signal codes, dates and statuses stay for the "
                    + "stats.")
    @APIResponse(responseCode = "200", description = "The referral without client details",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not the caller's",
            content = @Content(mediaType = PROBLEM))
    public Response withdrawConsent(@PathParam("id") UUID id) {
        var withdrawn = lifecycle.withdrawConsent(caller.get(), id);
        return Response.ok(withdrawn.value()).tag(etag(withdrawn.version())).build();
    }

    /** Body of a re-route: optionally the alternative partner to use. */
    public record RerouteRequest(
            @Schema(description = "The alternative partner to use; without it the next alternative the "
                    + "pathway named", examples = "partner-gebiedsteam-opsterland")
            String partnerId) {
    }

    @POST
    @Path("/{id}/reroute")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MIDWIFE)
    @Operation(summary = "Hand a rejected referral over to the next alternative route",
            description = "Uses the next alternative the pathway named (or the one given); the new referral links "
                    + "the rejected one through previousReferralId.")
    @APIResponse(responseCode = "201", description = "The new handover",
            content = @Content(schema = @Schema(implementation = CreatedReferrals.class)))
    @APIResponse(responseCode = "404", description = "No such referral, or not referred by the caller",
            content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "Not rejected, details erased, already re-routed, or no"
            + " alternative left", content = @Content(mediaType = PROBLEM),
            extensions = @Extension(name = "x-problem-types",
                    value = "not-rejected, details-erased, already-rerouted, no-alternative"))
    @APIResponse(responseCode = "422", description = "Named partner not an alternative, or not covered by consent",
            content = @Content(mediaType = PROBLEM))
    public Response rerouteReferral(@PathParam("id") UUID id, RerouteRequest request) {
        CreatedReferrals created = lifecycle.reroute(caller.get(), id,
                request == null ? null : request.partnerId());
        return Response.created(URI.create(created.handovers().get(0).location())).entity(created).build();
    }

    static EntityTag etag(int version) {
        return new EntityTag(String.valueOf(version));
    }
}
