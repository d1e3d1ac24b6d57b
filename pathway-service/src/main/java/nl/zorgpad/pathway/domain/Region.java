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
import nl.zorgpad.pathway.routing.Municipality;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A VSV region: its municipalities and their PC4 areas. Its id is the org_id of its coordinators. */
@Entity
@Table(name = "region")
public class Region extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Municipality> municipalities = new ArrayList<>();

    @Version
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
