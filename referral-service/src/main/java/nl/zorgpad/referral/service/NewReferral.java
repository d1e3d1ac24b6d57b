package nl.zorgpad.referral.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.referral.domain.ClientDetails;
import nl.zorgpad.referral.domain.Consent;
import nl.zorgpad.referral.domain.Referrer;
import nl.zorgpad.referral.domain.SignalNote;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A midwife's handover request. The referring practice is not part of it: it is the caller's organisation.
 * {@code partnerId} names a partner explicitly instead of the resolved routes (recorded as an override).
 * Each field's own rules are Bean Validation constraints; the rules across fields are {@link HandoverRules}.
 */
public record NewReferral(
        @NotNull(message = REQUIRED) @Valid
        @Schema(description = "Who the family is and how to reach them; shared only as far as the consent allows")
        ClientDetails client,
        @NotNull(message = REQUIRED) @Valid
        @Schema(description = "Where the family is in the first 1000 days, and how vulnerable and urgent")
        Pregnancy pregnancy,
        @NotEmpty(message = "at least one signal is required")
        @Schema(description = "The signals handed over; each is routed to its own partner")
        List<@NotNull(message = REQUIRED) @Valid SignalNote> signals,
        @NotNull(message = "the client's consent is required to hand over") @Valid
        @Schema(description = "The client's consent; the handover carries only what it covers")
        Consent consent,
        @NotNull(message = REQUIRED) @Valid
        @Schema(description = "The professional who hands over, for the partner to call back")
        Referrer referrer,
        @Pattern(regexp = ".*\\S.*", message = "must not be blank when given")
        @Schema(description = "A partner chosen explicitly instead of the resolved route (recorded as an override)",
                examples = "partner-wijkteam-smallingerland")
        String partnerId) {

    static final String REQUIRED = "is required";
    static final String VULNERABILITIES = "self-reliant|potentially-vulnerable|vulnerable|very-vulnerable";
    static final String URGENCIES = "routine|urgent";

    /** Due date (during pregnancy) or the child's birth date (after birth); neither means before pregnancy. */
    public record Pregnancy(
            @Schema(description = "Expected date of birth, during pregnancy; not with birthDate",
                    examples = "2027-03-01")
            LocalDate dueDate,
            @Schema(description = "The child's date of birth, after birth; not with dueDate")
            LocalDate birthDate,
            @NotNull(message = VULNERABILITY_MESSAGE)
            @Pattern(regexp = VULNERABILITIES, message = VULNERABILITY_MESSAGE)
            @Schema(description = "How vulnerable the family is, as the midwife assesses it",
                    enumeration = {"self-reliant", "potentially-vulnerable", "vulnerable", "very-vulnerable"})
            String vulnerability,
            @NotNull(message = URGENCY_MESSAGE) @Pattern(regexp = URGENCIES, message = URGENCY_MESSAGE)
            @Schema(description = "How soon the partner must act", enumeration = {"routine", "urgent"})
            String urgency) {

        static final String VULNERABILITY_MESSAGE =
                "must be one of [self-reliant, potentially-vulnerable, vulnerable, very-vulnerable]";
        static final String URGENCY_MESSAGE = "must be one of [routine, urgent]";
    }
}
