package nl.zorgpad.pathway.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.pathway.service.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs on the event loop, like route resolution, so that the benchmark compares like with like. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who the service thinks you are")
public class MeResource {

    /** The caller's name, organisation and roles. */
    public record Me(String name, String orgId, List<String> roles) {
    }

    private final Caller caller;
    private final SecurityIdentity identity;

    public MeResource(Caller caller, SecurityIdentity identity) {
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @NonBlocking
    @Operation(summary = "Your name, organisation (org_id) and roles, as read from your token")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Me me() {
        return new Me(caller.name(), caller.orgId().orElse(null), identity.getRoles().stream().sorted().toList());
    }
}
