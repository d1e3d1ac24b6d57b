package nl.zorgpad.referral.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who the family is and how to reach them safely. Special-category data: erased on withdrawal and retention. */
public record ClientDetails(
        @NotBlank(message = REQUIRED) @Size(max = 200, message = MAX)
        @Schema(description = "The client's name as she uses it", examples = "M. de Vries")
        String name,
        @NotNull(message = REQUIRED)
        @Schema(description = "The client's (the mother's) date of birth", examples = "2002-05-14")
        LocalDate birthDate,
        @ValidBsn
        @Schema(description = "Citizen service number, nine digits passing the 11-check", examples = "111222333")
        String bsn,
        @Pattern(regexp = PHONE, message = "is not a phone number")
        @Schema(description = "Phone number; a phone number or an e-mail address is required",
                examples = "0612345678")
        String phone,
        @Pattern(regexp = EMAIL, message = "is not an e-mail address")
        @Schema(description = "E-mail address; a phone number or an e-mail address is required",
                examples = "m.devries@example.nl")
        String email,
        @NotNull(message = POSTCODE_MESSAGE) @Pattern(regexp = POSTCODE, message = POSTCODE_MESSAGE)
        @Schema(description = "Dutch postcode of the home address", examples = "9203 AB")
        String postcode,
        @NotBlank(message = REQUIRED) @Size(max = 16, message = MAX)
        @Schema(description = "House number with any addition", examples = "12")
        String houseNumber,
        @Size(max = 64, message = MAX)
        @Schema(description = "Language the client prefers to be spoken to in", examples = "nl")
        String preferredLanguage,
        @Schema(description = "Whether an interpreter is needed")
        boolean interpreterNeeded,
        @Size(max = 500, message = MAX)
        @Schema(description = "How the client prefers information (e.g. spoken rather than written)",
                examples = "prefers spoken explanation")
        String literacyNote,
        @Valid
        @Schema(description = "Rules for contacting the client safely, when contact can put her at risk; shown only"
                + " to the receiving partner and the midwife who referred", nullable = true)
        SafeContact safeContact) {

    static final String REQUIRED = "is required";
    static final String MAX = "may be at most {max} characters";
    static final String PHONE = "\\+?[0-9 ()-]{8,20}";
    static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";
    static final String POSTCODE = "\\s*[1-9][0-9]{3} ?[A-Za-z]{2}\\s*";
    static final String POSTCODE_MESSAGE = "must be a Dutch postcode such as 9203 AB";


    /** The same details without the safe-contact rules (for readers other than both ends). */
    public ClientDetails withoutSafeContact() {
        return new ClientDetails(name, birthDate, bsn, phone, email, postcode, houseNumber, preferredLanguage,
                interpreterNeeded, literacyNote, null);
    }
}
