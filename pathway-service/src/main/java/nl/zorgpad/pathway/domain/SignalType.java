package nl.zorgpad.pathway.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A non-medical risk factor from the catalogue: national (no region) or added by one region. */
@Entity
@Table(name = "signal_type")
public class SignalType extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "label_nl", nullable = false)
    public String labelNl;

    @Column(name = "label_en", nullable = false)
    public String labelEn;

    @Column(nullable = false)
    public String domain;

    /** English description; the API calls it {@code description}. */
    @Column(name = "description", nullable = false)
    public String descriptionEn;

    @Column(name = "description_nl", nullable = false)
    public String descriptionNl;

    @Column(name = "region_id")
    public String regionId;
}
