package nl.zorgpad.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Projection of a contact partner: its region (who may administer it) and its name (for e-mails). */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(name = "name")
    public String name;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
