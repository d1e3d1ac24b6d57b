package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A route to a partner as pathway-service resolves it (its published contract). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Route(String partnerId, String partnerName, String partnerKind, ContactPoint contactPoint,
                    String instruction, Map<String, Integer> responseTargetWorkingDays, String capacityStatus,
                    Integer waitlistWeeks, String pathwayId, Integer pathwayVersion, String regionId,
                    String matchReason) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPoint(
            @Schema(description = "The contact point's id at the partner", examples = "intake", required = true)
            String id,
            @Schema(description = "Whom to ask for", examples = "Intake Sociaal Wijkteam", required = true)
            String name,
            @Schema(description = "Phone number", examples = "0512 581234", required = true, nullable = true)
            String phone,
            @Schema(description = "E-mail address",
                    examples = "intake@wijkteam.example.nl",
                    required = true,
                    nullable = true)
            String email,
            @Schema(description = "When they can be reached",
                    examples = "Mon-Fri 9:00-17:00",
                    required = true,
                    nullable = true)
            String openingHours) {
    }

    /** Working days the partner agreed to acknowledge within, for this urgency (5 when the pathway is silent). */
    public int responseDays(String urgency) {
        if (responseTargetWorkingDays == null) {
            return 5;
        }
        Integer days = responseTargetWorkingDays.get(urgency);
        return days == null ? responseTargetWorkingDays.getOrDefault("routine", 5) : days;
    }
}
