package nl.zorgpad.referral.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The professional who made the handover, as the partner should call back. */
public record Referrer(
        @NotBlank(message = ClientDetails.REQUIRED) @Size(max = 200, message = ClientDetails.MAX)
        @Schema(description = "Name of the professional who hands over", examples = "Anna Visser")
        String name,
        @NotBlank(message = ClientDetails.REQUIRED) @Size(max = 100, message = ClientDetails.MAX)
        @Schema(description = "Her role", examples = "midwife")
        String role,
        @NotNull(message = PHONE_MESSAGE) @Pattern(regexp = ClientDetails.PHONE, message = PHONE_MESSAGE)
        @Schema(description = "Phone number the partner can call back on", examples = "0512 123456")
        String phone) {

    static final String PHONE_MESSAGE = "a phone number to call back on is required";
}
