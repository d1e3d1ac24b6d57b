package nl.zorgpad.pathway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The pathway of one region for one signal type; its rules live in {@link PathwayVersion}s. */
@Entity
@Table(name = "pathway")
public class Pathway extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(name = "signal_type", nullable = false)
    public String signalType;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
