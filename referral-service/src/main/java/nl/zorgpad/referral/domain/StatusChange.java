package nl.zorgpad.referral.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a referral's history: who moved it where, when and why. */
@Entity
@Table(name = "referral_history")
public class StatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id", nullable = false)
    public UUID referralId;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status", nullable = false)
    public String toStatus;

    @Column(name = "actor_user_id", nullable = false)
    public String actorUserId;

    @Column(name = "actor_org_id", nullable = false)
    public String actorOrgId;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_text")
    public String reasonText;

    public String outcome;

    /** Erases the typed texts of a referral's history (with its client details); the codes and statuses stay. */
    public static void eraseTexts(UUID referralId) {
        update("reasonText = null, outcome = null where referralId = ?1", referralId);
    }
}
