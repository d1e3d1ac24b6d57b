package nl.zorgpad.pathway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.pathway.routing.RouteRule;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of a pathway: a draft that can still change, a published, immutable one, or a retirement (no rules):
 * from its effective-from date the pathway has no version in force, while the earlier versions stay readable.
 */
@Entity
@Table(name = "pathway_version")
public class PathwayVersion extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";
    public static final String RETIRED = "retired";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "pathway_id", nullable = false)
    public String pathwayId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<RouteRule> rules = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    public boolean isDraft() {
        return DRAFT.equals(status);
    }

    public boolean isRetirement() {
        return RETIRED.equals(status);
    }
}
