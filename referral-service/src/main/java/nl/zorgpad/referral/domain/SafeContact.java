package nl.zorgpad.referral.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the receiving partner may reach a client for whom contact can be dangerous (domestic violence, a controlling
 * partner): the only channels that are safe, a safe number, safe times, whether messages may be left, and a note.
 * Consent category safe-contact. Shown only to the receiving partner and the midwife who referred; never in an
 * export, an event, a webhook or an e-mail; erased with the other client details.
 */
@Schema(description = "Rules for contacting the client safely (consent category safe-contact). Shown only to the "
        + "receiving partner and the midwife who referred; lists and exports show only that rules exist")
public record SafeContact(
        @NotEmpty(message = "name at least one channel that is safe")
        @Size(max = 5, message = "may name each channel once")
        @Schema(description = "The only channels by which the client may be contacted", type = SchemaType.ARRAY,
                implementation = SafeChannel.class, required = true, examples = "[\"phone\",\"home-visit\"]")
        List<@NotNull(message = CHANNEL_MESSAGE) @Pattern(regexp = SafeChannel.PATTERN, message = CHANNEL_MESSAGE)
                String> channels,
        @Pattern(regexp = ClientDetails.PHONE, message = "is not a phone number")
        @Schema(description = "A number that is safe to call or text, if not the client's own phone",
                required = true, nullable = true, examples = "0687654321")
        String phone,
        @Size(max = 14, message = "may hold at most {max} time slots")
        @Schema(description = "When contact is safe; empty when any time is", required = true)
        List<@NotNull(message = ClientDetails.REQUIRED) @Valid SafeTime> times,
        @Schema(description = "True when no voicemail, text or note may be left for the client", required = true)
        boolean noMessages,
        @Size(max = 1000, message = ClientDetails.MAX)
        @Schema(description = "Anything else the partner must know to make contact safely",
                required = true, nullable = true, examples = "never when her partner is home")
        String note) {

    static final String CHANNEL_MESSAGE = "must be one of [phone, text-message, email, letter, home-visit]";

    public SafeContact {
        times = times == null ? List.of() : times;
    }

    /** A period in which contact is safe: on these days of the week, from one time until another. */
    @Schema(description = "A period in which contact is safe")
    public record SafeTime(
            @NotEmpty(message = "name at least one day")
            @Schema(description = "The days of the week", type = SchemaType.ARRAY, implementation = Weekday.class,
                    required = true, examples = "[\"monday\",\"wednesday\"]")
            List<@NotNull(message = DAY_MESSAGE) @Pattern(regexp = Weekday.PATTERN, message = DAY_MESSAGE)
                    String> days,
            @NotNull(message = TIME_MESSAGE) @Pattern(regexp = TIME, message = TIME_MESSAGE)
            @Schema(description = "From this time (24-hour clock, Europe/Amsterdam)", required = true,
                    examples = "09:00")
            String from,
            @NotNull(message = TIME_MESSAGE) @Pattern(regexp = TIME, message = TIME_MESSAGE)
            @Schema(description = "Until this time, later than from", required = true, examples = "12:00")
            String until) {

        static final String DAY_MESSAGE = "must be a day of the week such as monday";
        static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
        static final String TIME_MESSAGE = "must be a time such as 09:30";

        /** Whether the period is empty or runs backwards (times as HH:mm compare as text). */
        public boolean endsBeforeItStarts() {
            return from != null && until != null && from.matches(TIME) && until.matches(TIME)
                    && until.compareTo(from) <= 0;
        }
    }
}
