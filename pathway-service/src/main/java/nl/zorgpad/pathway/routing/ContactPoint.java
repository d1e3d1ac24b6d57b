package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A team or person at a partner that takes referrals. Public contact details only. */
public record ContactPoint(
        @Schema(description = "The contact point's id, unique within its partner", examples = "intake")
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lower-case letters, digits and dashes")
        String id,
        @Schema(description = "The team's or person's name", examples = "Intake jonge gezinnen")
        @NotBlank @Size(max = 200) String name,
        @Schema(description = "Phone number to call; null when none is given", examples = "0512 000 000",
                nullable = true)
        @Size(max = 40) String phone,
        @Schema(description = "E-mail address; null when none is given", examples = "intake@example.org",
                nullable = true)
        @Email @Size(max = 200) String email,
        @Schema(description = "When it can be reached, in words; null when none is given",
                examples = "ma-vr 9:00-17:00", nullable = true)
        @Size(max = 200) String openingHours) {
}
