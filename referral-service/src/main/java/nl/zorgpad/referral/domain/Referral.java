package nl.zorgpad.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A warm handover of one family from a midwife practice to one partner organisation. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public int version;

    @Column(name = "referring_practice_id", nullable = false)
    public String referringPracticeId;

    @Column(name = "referring_user_id", nullable = false)
    public String referringUserId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "partner_name", nullable = false)
    public String partnerName;

    @Column(name = "partner_kind")
    public String partnerKind;

    @Column(name = "region_id")
    public String regionId;

    @Column(name = "municipality_code")
    public String municipalityCode;

    public String phase;

    @Column(nullable = false)
    public String vulnerability;

    @Column(nullable = false)
    public String urgency;

    @Column(name = "pathway_id")
    public String pathwayId;

    @Column(name = "pathway_version")
    public Integer pathwayVersion;

    @Column(name = "partner_override", nullable = false)
    public boolean partnerOverride;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Route route;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Route> alternatives;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "signal_codes", nullable = false, columnDefinition = "text[]")
    public String[] signalCodes;

    @Column(nullable = false)
    public String status;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    public String outcome;

    @Column(name = "acknowledge_deadline", nullable = false)
    public LocalDate acknowledgeDeadline;

    @Column(name = "overdue_since")
    public LocalDate overdueSince;

    @Column(name = "last_overdue_notice")
    public LocalDate lastOverdueNotice;

    @Column(name = "previous_referral_id")
    public UUID previousReferralId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "first_contact_at")
    public Instant firstContactAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** When anything about the referral last changed; set on every insert and update of the entity. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "client_bsn_pseudonym")
    public String clientBsnPseudonym;

    @Column(name = "client_name_pseudonym")
    public String clientNamePseudonym;

    @JdbcTypeCode(SqlTypes.JSON)
    public ClientDetails client;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<SignalNote> signals;

    @JdbcTypeCode(SqlTypes.JSON)
    public Consent consent;

    @JdbcTypeCode(SqlTypes.JSON)
    public Referrer referrer;

    @Column(name = "details_erased_at")
    public Instant detailsErasedAt;

    @Column(name = "details_erased_reason")
    public String detailsErasedReason;

    public ReferralStatus currentStatus() {
        return ReferralStatus.parse(status);
    }

    /**
     * Working days from {@code today} until the acknowledge deadline while it applies (status requested), else null.
     * Positive: days left; 0: the deadline is today; negative: working days late, at least 1 from the day after the
     * deadline on (also when only days off followed it), so it is negative exactly when the overdue job's condition
     * ({@code acknowledgeDeadline < today}) holds.
     */
    public Integer workingDaysLeft(LocalDate today) {
        if (currentStatus() != ReferralStatus.REQUESTED) {
            return null;
        }
        int days = DutchWorkingDays.workingDaysBetween(today, acknowledgeDeadline);
        if (acknowledgeDeadline.isBefore(today)) {
            return Math.min(days, -1);
        }
        return acknowledgeDeadline.isAfter(today) ? Math.max(days, 1) : 0;
    }

    /**
     * Still requested and past its acknowledge deadline on {@code today}: the condition on which the overdue job
     * sends {@code referral.overdue}, computed when read (the job's overdue_since only records what it sent).
     */
    public boolean isOverdue(LocalDate today) {
        Integer left = workingDaysLeft(today);
        return left != null && left < 0;
    }

    public boolean detailsErased() {
        return detailsErasedAt != null;
    }

    /**
     * Erases everything that identifies or describes the client. Ids, signal codes, dates and statuses stay for the
     * stats; the pseudonyms go too, so the row can no longer be tied to a person (the access log keeps its own). So do
     * the texts people typed about the case (the reason of a rejection or hold, the outcome): they routinely name the
     * family and its circumstances. Reason codes stay. The history's copies are erased with them
     * ({@code ReferralWriter.eraseClientDetails}).
     */
    public void eraseClientDetails(Instant at, String reason) {
        client = null;
        signals = null;
        consent = null;
        referrer = null;
        reasonText = null;
        outcome = null;
        clientBsnPseudonym = null;
        clientNamePseudonym = null;
        detailsErasedAt = at;
        detailsErasedReason = reason;
    }

    @PrePersist
    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }
}
