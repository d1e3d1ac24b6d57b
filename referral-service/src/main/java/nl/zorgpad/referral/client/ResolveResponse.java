package nl.zorgpad.referral.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import nl.zorgpad.referral.domain.Route;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of {@code POST /api/routes/resolve}: per signal a primary route, alternatives, or a stated gap. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResolveResponse(String phase, String municipalityCode, List<SignalResult> results) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalResult(String signalType, String status, Route primary, List<Route> alternatives,
                               List<PassedOver> passedOver, String gap) {

        public boolean routed() {
            return primary != null;
        }

        public List<Route> alternativesOrEmpty() {
            return alternatives == null ? List.of() : alternatives;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PassedOver(
            @Schema(description = "The partner passed over", examples = "partner-schuldhulp-fryslan", required = true)
            String partnerId,
            @Schema(description = "Its name", examples = "Schuldhulp Fryslân", required = true)
            String partnerName,
            @Schema(description = "Why it was passed over", examples = "capacity closed", required = true)
            String reason) {
    }
}
