package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** A municipality of a region (CBS code GMxxxx) and the PC4 areas it covers. */
public record Municipality(
        @NotNull @Pattern(regexp = "GM[0-9]{4}", message = "must be a CBS code like GM0090") String code,
        @NotBlank String name,
        List<@Pattern(regexp = "[1-9][0-9]{3}", message = "must be a PC4 area like 9203") String> postcodes) {

    public Municipality {
        postcodes = postcodes == null ? List.of() : List.copyOf(postcodes);
    }
}
