package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.routing.PublishedPathway;
import nl.zorgpad.pathway.routing.RegionArea;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.routing.RouteSnapshot;

/** Reads every region, partner and published pathway version into a new {@link RouteSnapshot}. */
@ApplicationScoped
public class SnapshotLoader {

    private final EntityManager em;

    public SnapshotLoader(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RouteSnapshot load() {
        List<RegionArea> regions = Region.<Region>listAll().stream()
                .map(region -> new RegionArea(region.id, region.name, region.municipalities)).toList();
        List<nl.zorgpad.pathway.routing.PartnerCard> partners = Partner.<Partner>listAll().stream()
                .map(Partner::card).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select p.id, v.version, p.regionId, p.signalType, v.effectiveFrom, v.rules,"
                + " v.status from PathwayVersion v, Pathway p where v.pathwayId = p.id and v.status in ('published',"
                + " 'retired')").getResultList();
        List<PublishedPathway> published = rows.stream().map(row -> {
            @SuppressWarnings("unchecked")
            List<RouteRule> rules = (List<RouteRule>) row[5];
            return new PublishedPathway((String) row[0], (Integer) row[1], (String) row[2], (String) row[3],
                    (LocalDate) row[4], rules, PathwayVersion.RETIRED.equals(row[6]));
        }).toList();
        Set<String> signalTypes = SignalType.<SignalType>listAll().stream().map(type -> type.code)
                .collect(Collectors.toSet());
        return new RouteSnapshot(regions, partners, published, signalTypes);
    }
}
