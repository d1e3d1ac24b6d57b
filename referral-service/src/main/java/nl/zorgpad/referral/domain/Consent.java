package nl.zorgpad.referral.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The client's consent to share: by whom, when, how, and for which partner kinds and which data.
 * Data categories: identity (name, date of birth, BSN), contact (phone, e-mail, address), signals (codes and
 * notes), safe-contact (instructions), language (language, interpreter, literacy).
 */
public record Consent(
        @NotBlank(message = ClientDetails.REQUIRED) @Size(max = 200, message = ClientDetails.MAX)
        @Schema(description = "Who gave consent: the client, or who on her behalf", examples = "client")
        String givenBy,
        @NotNull(message = "is required and may not lie in the future")
        @Schema(description = "When consent was given; not in the future", examples = "2026-11-24T09:30:00Z")
        Instant givenAt,
        @NotNull(message = METHOD_MESSAGE) @Pattern(regexp = "verbal|written", message = METHOD_MESSAGE)
        @Schema(description = "How consent was given", enumeration = {"verbal", "written"}, examples = "verbal")
        String method,
        @NotEmpty(message = "name the kinds of partner the client agreed to")
        @Schema(description = "The kinds of partner the client agreed to be handed over to",
                type = SchemaType.ARRAY, implementation = PartnerKind.class)
        List<String> partnerKinds,
        @NotEmpty(message = "name the data the client agreed to share")
        @Schema(description = "The data the client agreed to share", type = SchemaType.ARRAY,
                implementation = DataCategory.class)
        List<String> dataCategories) {

    public static final List<String> DATA_CATEGORIES = DataCategory.codes();
    public static final List<String> PARTNER_KINDS = PartnerKind.codes();
    private static final String METHOD_MESSAGE = "must be one of [verbal, written]";

    public boolean coversPartnerKind(String kind) {
        return partnerKinds != null && kind != null && partnerKinds.contains(kind);
    }

    public boolean coversData(String category) {
        return dataCategories != null && dataCategories.contains(category);
    }
}
