package nl.zorgpad.referral.service;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One NEN 7513 record. Append-only: the application's database role may not update or delete it. */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String event;

    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "client_bsn_pseudonym")
    public String clientBsnPseudonym;

    @Column(name = "client_name_pseudonym")
    public String clientNamePseudonym;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "on_behalf_of")
    public String onBehalfOf;

    @Column(nullable = false)
    public String outcome;

    /** The caller's zorgpad role; null in records written before migration V8. */
    public String role;

    /** The application the caller's token was issued to (azp); null before V8 and for a token without one. */
    public String application;

    /** The zorgpad service that wrote the record; null before V8. */
    public String service;
}
