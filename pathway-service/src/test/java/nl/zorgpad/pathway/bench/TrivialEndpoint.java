package nl.zorgpad.pathway.bench;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.CurrentCaller;

/**
 * The trivial authenticated endpoint {@link ResolveBenchmark} compares route resolution with: the caller's name,
 * organisation and roles, read from the token. Test code, so only the {@code @QuarkusTest} application serves it.
 * It runs on the event loop and under {@code /api/*} (the same HTTP permission policy), like resolution, so that the
 * benchmark compares like with like.
 */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class TrivialEndpoint {

    /** The caller's name, organisation and roles. */
    public record Me(String name, String orgId, List<String> roles) {
    }

    private final CurrentCaller caller;

    public TrivialEndpoint(CurrentCaller caller) {
        this.caller = caller;
    }

    @GET
    @NonBlocking
    public Me me() {
        Caller me = caller.get();
        return new Me(me.userId(), me.organisation().orElse(null), me.roles().stream().sorted().toList());
    }
}
