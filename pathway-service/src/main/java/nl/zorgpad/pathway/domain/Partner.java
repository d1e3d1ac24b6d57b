package nl.zorgpad.pathway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.pathway.routing.CapacityStatus;
import nl.zorgpad.pathway.routing.ContactPoint;
import nl.zorgpad.pathway.routing.PartnerCard;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation that takes referrals, with its public contact points, service area and capacity. */
@Entity
@Table(name = "partner")
public class Partner extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "region_id", nullable = false)
    public String regionId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "contact_points", nullable = false, columnDefinition = "jsonb")
    public List<ContactPoint> contactPoints = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> municipalities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> postcodes = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<String> languages = new ArrayList<>();

    @Column(name = "interpreter_support", nullable = false)
    public boolean interpreterSupport;

    @Column(name = "capacity_status", nullable = false)
    public String capacityStatus;

    @Column(name = "waitlist_weeks")
    public Integer waitlistWeeks;

    @Column(name = "capacity_confirmed_at", nullable = false)
    public Instant capacityConfirmedAt;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public PartnerCard card() {
        return new PartnerCard(id, regionId, name, kind, contactPoints, municipalities, postcodes,
                CapacityStatus.of(capacityStatus), waitlistWeeks, active);
    }
}
