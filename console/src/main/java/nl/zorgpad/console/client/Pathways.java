package nl.zorgpad.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** pathway-service's published shapes for the signal catalogue and route resolution (openapi/pathway-service.yaml). */
public final class Pathways {

    private Pathways() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalType(String code, String labelNl, String labelEn, String domain, String description,
                             String descriptionNl, String regionId) {

        public String label(String language) {
            return "en".equals(language) ? labelEn : labelNl;
        }

        /** The explanation in the page's language; the English one where no Dutch text exists. */
        public String explanation(String language) {
            return "en".equals(language) || descriptionNl == null || descriptionNl.isBlank() ? description
                    : descriptionNl;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ResolveRequest(String postcode, List<String> signalTypes, LocalDate dueDate, LocalDate birthDate,
                                 String vulnerability, String urgency) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resolved(String phase, String municipalityCode, List<SignalRoute> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalRoute(String signalType, String status, Route primary, List<Route> alternatives,
                              List<PassedOver> passedOver, String gap) {

        public boolean isRouted() {
            return primary != null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Route(String partnerId, String partnerName, String partnerKind, Referrals.ContactPoint contactPoint,
                        String instruction, Map<String, Integer> responseTargetWorkingDays, String capacityStatus,
                        Integer waitlistWeeks) {

        public Integer responseDays(String urgency) {
            if (responseTargetWorkingDays == null) {
                return null;
            }
            Integer days = responseTargetWorkingDays.get(urgency == null ? "routine" : urgency);
            return days != null ? days : responseTargetWorkingDays.get("routine");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PassedOver(String partnerId, String partnerName, String reason) {
    }
}
