package nl.zorgpad.referral.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One signal handed over, with the midwife's short note on it. */
public record SignalNote(
        @NotNull(message = CODE_MESSAGE) @Pattern(regexp = "[a-z][a-z0-9-]{1,63}", message = CODE_MESSAGE)
        @Schema(description = "Code of a signal type of pathway-service's catalogue", examples = "financial-debt")
        String code,
        @NotBlank(message = ClientDetails.REQUIRED) @Size(max = 1000, message = ClientDetails.MAX)
        @Schema(description = "The midwife's short note on the signal, for the receiving professional",
                examples = "worried about rent arrears")
        String note) {

    static final String CODE_MESSAGE = "must be a signal type code such as financial-debt";
}
