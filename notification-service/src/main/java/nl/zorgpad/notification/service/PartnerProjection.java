package nl.zorgpad.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgpad.notification.domain.Partner;
import nl.zorgpad.notification.domain.Timestamps;

/** Partner id to region and name, fed by pathway-events (name and region) and referral-events (region). */
@ApplicationScoped
public class PartnerProjection {

    private final EntityManager em;
    /** Partners whose region is already recorded, so that each event does not write it again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PartnerProjection(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public void changed(String partnerId, String regionId, String name) {
        em.createNativeQuery("""
                INSERT INTO partner (partner_id, region_id, name, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (partner_id) DO UPDATE SET region_id = EXCLUDED.region_id,
                    name = COALESCE(EXCLUDED.name, partner.name), updated_at = EXCLUDED.updated_at""")
                .setParameter(1, partnerId).setParameter(2, regionId).setParameter(3, name)
                .setParameter(4, Timestamps.now()).executeUpdate();
    }

    /** Learns a partner's region from a referral event when pathway-events has not told us yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void seen(String partnerId, String regionId) {
        if (known.contains(partnerId)) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO partner (partner_id, region_id, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (partner_id) DO NOTHING""")
                .setParameter(1, partnerId).setParameter(2, regionId).setParameter(3, Timestamps.now()).executeUpdate();
        known.add(partnerId);
    }

    public Optional<Partner> find(String partnerId) {
        return Partner.findByIdOptional(partnerId);
    }

    /** Whether the organisation is a partner in the given region (what a vsv-admin of that region may manage). */
    public boolean isPartnerInRegion(String organisationId, String regionId) {
        return find(organisationId).map(p -> p.regionId.equals(regionId)).orElse(false);
    }
}
