package nl.zorgpad.referral.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** A route to a partner as pathway-service resolves it (its published contract). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Route(String partnerId, String partnerName, String partnerKind, ContactPoint contactPoint,
                    String instruction, Map<String, Integer> responseTargetWorkingDays, String capacityStatus,
                    Integer waitlistWeeks, String pathwayId, Integer pathwayVersion, String regionId,
                    String matchReason) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPoint(String id, String name, String phone, String email, String openingHours) {
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
