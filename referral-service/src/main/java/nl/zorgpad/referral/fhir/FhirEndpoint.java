package nl.zorgpad.referral.fhir;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.referral.client.PathwayClient;
import nl.zorgpad.referral.service.ReferralQueries;
import nl.zorgpad.referral.service.Refusals;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;

/**
 * FHIR R4 for practice software and partners' systems: a second adapter over the same use cases as
 * {@code /api/referrals}, with the same tokens, roles, tenant rules (another organisation's resource is 404) and
 * access logging. What it supports is what {@link FhirCapabilities} says.
 */
@Path("/fhir")
@Authenticated
@Produces({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class FhirEndpoint {

    static final String JSON_PATCH = "application/json-patch+json";

    private final ReferralQueries queries;
    private final PathwayClient pathway;
    private final TaskSearch search;
    private final FhirHandovers handovers;
    private final TaskUpdates updates;
    private final CurrentCaller caller;

    public FhirEndpoint(ReferralQueries queries, PathwayClient pathway, TaskSearch search, FhirHandovers handovers,
                        TaskUpdates updates, CurrentCaller caller) {
        this.queries = queries;
        this.pathway = pathway;
        this.search = search;
        this.handovers = handovers;
        this.updates = updates;
        this.caller = caller;
    }

    /** A handover as a transaction Bundle (see {@link HandoverBundle}); a retry with the same key answers the same. */
    @POST
    @Consumes({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed(Roles.MIDWIFE)
    public Bundle transaction(Bundle bundle, @HeaderParam("Idempotency-Key") String idempotencyKey,
                              @Context UriInfo uri) {
        if (bundle == null) {
            throw new ProblemException(ProblemType.UNREADABLE, "A transaction Bundle is required", List.of(),
                    Map.of());
        }
        return handovers.create(caller.get(), bundle, idempotencyKey,
                uri.getBaseUriBuilder().path("fhir/").build().toString());
    }

    @GET
    @Path("/metadata")
    @PermitAll
    public CapabilityStatement metadata() {
        return FhirCapabilities.statement();
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response readTask(@PathParam("id") String id) {
        var read = queries.get(caller.get(), referralId(id, "Task"));
        return versioned(ReferralAsFhir.task(read.value(), read.version()), read.version());
    }

    /** The receiver moves the Task (status, statusReason, output); the referrer may cancel. */
    @PUT
    @Path("/Task/{id}")
    @Consumes({FhirFormat.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response updateTask(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, Task task) {
        if (task == null) {
            throw new ProblemException(ProblemType.UNREADABLE, "A Task is required", List.of(), Map.of());
        }
        var changed = updates.put(caller.get(), referralId(id, "Task"), ifMatch, task);
        return versioned(changed.value(), changed.version());
    }

    /** The same as {@link #updateTask} by JSON Patch (RFC 6902) on the Task as read. */
    @PATCH
    @Path("/Task/{id}")
    @Consumes(JSON_PATCH)
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response patchTask(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, String patch) {
        var changed = updates.patch(caller.get(), referralId(id, "Task"), ifMatch, patch == null ? "" : patch);
        return versioned(changed.value(), changed.version());
    }

    @GET
    @Path("/Task")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response searchTasks(@QueryParam("owner") String owner, @QueryParam("requester") String requester,
                                @QueryParam("status") String status,
                                @QueryParam("_lastUpdated") List<String> lastUpdated,
                                @QueryParam("_count") @DefaultValue("20") String count,
                                @QueryParam("_page") @DefaultValue("0") String page, @Context UriInfo uri) {
        return Response.ok(search.search(caller.get(), new TaskSearch.Parameters(owner, requester, status,
                lastUpdated, count, page), uri)).build();
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response readServiceRequest(@PathParam("id") String id) {
        var requestId = ReferralAsFhir.parseRequestId(id)
                .orElseThrow(() -> Refusals.notFound("ServiceRequest " + id));
        var read = queries.get(caller.get(), requestId.referralId());
        if (requestId.position() < 1 || requestId.position() > read.value().signalCodes().size()) {
            throw Refusals.notFound("ServiceRequest " + id);
        }
        return versioned(ReferralAsFhir.serviceRequest(read.value(), read.version(), requestId.position()),
                read.version());
    }

    @GET
    @Path("/Patient/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Response readPatient(@PathParam("id") String id) {
        var read = queries.get(caller.get(), referralId(id, "Patient"));
        var patient = ReferralAsFhir.patient(read.value(), read.version());
        if (patient == null) {
            // Erased on consent withdrawal or after the retention period: as if it never was.
            throw Refusals.notFound("Patient " + id);
        }
        return versioned(patient, read.version());
    }

    @GET
    @Path("/Organization/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public Organization readOrganization(@PathParam("id") String id) {
        return queries.organisationName(caller.get(), id).map(name -> ReferralAsFhir.organization(id, name))
                .orElseThrow(() -> Refusals.notFound("Organization " + id));
    }

    /** The signal catalogue that ServiceRequest.code uses, read from pathway-service when asked. */
    @GET
    @Path("/CodeSystem/{id}")
    @RolesAllowed({Roles.MIDWIFE, Roles.DISTRICT_TEAM})
    public CodeSystem readCodeSystem(@PathParam("id") String id) {
        if (!SignalCodeSystem.ID.equals(id)) {
            throw Refusals.notFound("CodeSystem " + id);
        }
        return SignalCodeSystem.of(pathway.nationalSignalTypes());
    }

    /** A resource id of ours is a referral id; anything else names nothing (404, as for another's referral). */
    private static UUID referralId(String id, String type) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Refusals.notFound(type + " " + id);
        }
    }

    private static Response versioned(Resource resource, int version) {
        return Response.ok(resource).tag(new EntityTag(String.valueOf(version), true)).build();
    }
}
