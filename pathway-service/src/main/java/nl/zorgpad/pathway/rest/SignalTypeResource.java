package nl.zorgpad.pathway.rest;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.pathway.domain.SignalType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/signal-types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signal types", description = "The catalogue of non-medical signals")
public class SignalTypeResource {

    /** One signal type as the API shows it. */
    public record SignalTypeView(String code, String labelNl, String labelEn, String domain, String description,
                                 String regionId) {
        static SignalTypeView of(SignalType type) {
            return new SignalTypeView(type.code, type.labelNl, type.labelEn, type.domain, type.description,
                    type.regionId);
        }
    }

    @GET
    @Operation(summary = "List the national signal catalogue")
    @APIResponse(responseCode = "200", description = "The national signal types, by code")
    @APIResponse(responseCode = "401", description = "No valid token")
    public List<SignalTypeView> list() {
        return SignalType.<SignalType>list("regionId is null", Sort.by("code")).stream().map(SignalTypeView::of).toList();
    }
}
