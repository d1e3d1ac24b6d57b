package nl.zorgpad.console.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** referral-service's published shapes, as far as the console reads or sends them (openapi/referral-service.yaml). */
public final class Referrals {

    private Referrals() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Summary(UUID id, String status, String referringPracticeId, String partnerId, String partnerName,
                          List<String> signalCodes, String clientName, boolean hasSafeContact,
                          LocalDate acknowledgeDeadline,
                          boolean overdue, Integer workingDaysLeft, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record View(UUID id, String status, String referringPracticeId, String partnerId, String partnerName,
                       String partnerKind, ContactPoint contactPoint, String instruction, String regionId,
                       String municipalityCode, String phase, String vulnerability, String urgency,
                       List<String> signalCodes, LocalDate acknowledgeDeadline, boolean overdue,
                       Integer workingDaysLeft, String reasonCode, String reasonText, String outcome,
                       UUID previousReferralId, Instant createdAt, Instant acceptedAt, Instant firstContactAt,
                       Instant closedAt, boolean detailsErased, boolean safeContactWithheld, Client client,
                       List<SignalNote> signals, Consent consent, Referrer referrer,
                       List<String> allowedTransitions) {

        public boolean allows(String status) {
            return allowedTransitions != null && allowedTransitions.contains(status);
        }

        public boolean hasSafeContact() {
            return client != null && client.safeContact() != null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Client(String name, LocalDate birthDate, String bsn, String phone, String email, String postcode,
                         String houseNumber, String preferredLanguage, Boolean interpreterNeeded,
                         String literacyNote, SafeContact safeContact) {
    }

    /** The rules for contacting the client safely; only the receiving team and the referring midwife get them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SafeContact(List<String> channels, String phone, List<SafeTime> times, boolean noMessages,
                              String note) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SafeTime(List<String> days, String from, String until) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pregnancy(LocalDate dueDate, LocalDate birthDate, String vulnerability, String urgency) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignalNote(String code, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(String givenBy, Instant givenAt, String method, List<String> partnerKinds,
                          List<String> dataCategories) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Referrer(String name, String role, String phone) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContactPoint(String id, String name, String phone, String email, String openingHours) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryLine(String fromStatus, String toStatus, String actorUserId, String actorOrganisationId,
                              Instant at, String reasonCode, String reasonText, String outcome) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record StatusRequest(String status, String reasonCode, String reasonText, String outcome) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NewReferral(Client client, Pregnancy pregnancy, List<SignalNote> signals, Consent consent,
                              Referrer referrer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String phase, String municipalityCode, List<Handover> handovers, List<Gap> gaps) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Handover(UUID referralId, String status, String partnerId, String partnerName, String partnerKind,
                           ContactPoint contactPoint, String instruction, List<String> signalCodes,
                           LocalDate acknowledgeDeadline, String capacityStatus, Integer waitlistWeeks) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gap(String signalType, String gap, List<PassedOver> passedOver) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PassedOver(String partnerId, String partnerName, String reason) {
    }
}
