package nl.zorgpad.pathway.routing;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team or person at a partner that takes referrals. Public contact details only. */
public record ContactPoint(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "lower-case letters, digits and dashes") String id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 40) String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 200) String openingHours) {
}
