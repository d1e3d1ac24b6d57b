package nl.zorgpad.pathway.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.CurrentCaller;
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

    private final CurrentCaller caller;

    public MeResource(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @NonBlocking
    @Operation(summary = "Your name, organisation (org_id) and roles, as read from your token")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No valid token")
    public Me me() {
        Caller me = caller.get();
        return new Me(me.userId(), me.organisation().orElse(null), me.roles().stream().sorted().toList());
    }
}
