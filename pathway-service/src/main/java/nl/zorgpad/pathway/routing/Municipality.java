package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A municipality of a region (CBS code GMxxxx) and the PC4 areas it covers. */
public record Municipality(
        @Schema(description = "The municipality's CBS code", examples = "GM0090")
        @NotNull @Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS code like GM0090") String code,
        @Schema(description = "The municipality's name", examples = "Smallingerland")
        @NotBlank String name,
        @Schema(description = "The PC4 areas of the municipality in the region; never null in an answer",
                examples = "[\"9200\", \"9203\"]")
        List<@Pattern(regexp = "[1-9][0-9]{3}", message = "must be a PC4 area like 9203") String> postcodes) {

    public Municipality {
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
    }
}
