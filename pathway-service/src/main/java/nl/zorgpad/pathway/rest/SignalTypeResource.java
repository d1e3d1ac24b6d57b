package nl.zorgpad.pathway.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.service.SignalTypeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/signal-types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signal types", description = "The catalogue of non-medical signals")
public class SignalTypeResource {

    /**
     * One signal type as the API shows it. {@code description} is the English description (its name from before
     * there was a Dutch one), {@code descriptionNl} the Dutch one: what to show to Dutch readers, beside
     * {@code labelNl}.
     */
    public record SignalTypeView(
            @Schema(description = "The signal type's code, as pathways and route requests name it",
                    examples = "financial-debt", required = true)
            String code,
            @Schema(description = "Dutch label", examples = "Schulden", required = true)
            String labelNl,
            @Schema(description = "English label", examples = "Debts", required = true)
            String labelEn,
            @Schema(description = "The life domain the signal belongs to",
                    examples = "money",
                    required = true,
                    enumeration = {"money", "housing", "safety", "health", "network", "skills", "pregnancy"})
            String domain,
            @Schema(description = "English description",
                    examples = "Payment arrears or debts that cause chronic stress in the household.",
                    required = true)
            String description,
            @Schema(description = "Dutch description (for a local signal type added without one: the English "
                    + "description)",
                    examples = "Betalingsachterstanden of schulden waardoor het gezin voortdurend onder spanning"
                            + " staat.",
                    required = true)
            String descriptionNl,
            @Schema(description = "The region of a local signal type; null for a national one",
                    examples = "region-zuidoost-friesland", required = true, nullable = true)
            String regionId) {
        static SignalTypeView of(SignalType type) {
            return new SignalTypeView(type.code, type.labelNl, type.labelEn, type.domain, type.descriptionEn,
                    type.descriptionNl, type.regionId);
        }
    }

    private final SignalTypeService signalTypes;

    public SignalTypeResource(SignalTypeService signalTypes) {
        this.signalTypes = signalTypes;
    }

    @GET
    @Operation(summary = "List the national signal catalogue, plus your own region's local signal types",
            description = "Any signed-in user. The national catalogue is the same for everyone; local signal types"
                    + " appear only to users of the region that added them.")
    @APIResponse(responseCode = "200", description = "The signal types, by code", content = @Content(
        schema = @Schema(type = SchemaType.ARRAY, implementation = SignalTypeView.class), examples =
        @ExampleObject(name = "debts", value = "[{\"code\":\"financial-debt\",\"labelNl\":\"Schulden\",\"labelEn\":"
            + "\"Debts\",\"domain\":\"money\",\"description\":\"Payment arrears or debts that cause chronic stress in"
            + " the household.\",\"descriptionNl\":\"Betalingsachterstanden of schulden waardoor het gezin"
            + " voortdurend onder spanning staat.\",\"regionId\":null}]")))
    @APIResponse(responseCode = "401", description = "No valid token")
    public List<SignalTypeView> listSignalTypes() {
        return signalTypes.visible().stream().map(SignalTypeView::of).toList();
    }
}
