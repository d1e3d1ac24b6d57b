package nl.zorgpad.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgpad.notification.domain.Partner;
import nl.zorgpad.notification.domain.Timestamps;

/** Partner id to region and name, fed by pathway-events (name and region) and referral-events (region). */
@ApplicationScoped
public class PartnerProjection {

    private static final Object WRITTEN = PartnerProjection.class.getName() + ".written";

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    /** Partners whose region is already recorded, so that each event does not write it again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public PartnerProjection(EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.transactions = transactions;
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
        if (known.contains(partnerId) || !writtenInThisTransaction().add(partnerId)) {
            return;
        }
        em.createNativeQuery("""
                INSERT INTO partner (partner_id, region_id, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (partner_id) DO NOTHING""")
                .setParameter(1, partnerId).setParameter(2, regionId).setParameter(3, Timestamps.now()).executeUpdate();
    }

    /**
     * Partners written by the current transaction (a batch of events), remembered as known only once it commits:
     * a batch that rolls back and is tried again must write them again.
     */
    @SuppressWarnings("unchecked")
    private Set<String> writtenInThisTransaction() {
        Set<String> written = (Set<String>) transactions.getResource(WRITTEN);
        if (written == null) {
            Set<String> fresh = new HashSet<>();
            transactions.putResource(WRITTEN, fresh);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        known.addAll(fresh);
                    }
                }
            });
            written = fresh;
        }
        return written;
    }

    /** Whether the organisation is a partner in the given region (what a vsv-admin of that region may manage). */
    public boolean isPartnerInRegion(String organisationId, String regionId) {
        return Partner.<Partner>findByIdOptional(organisationId).map(p -> p.regionId.equals(regionId)).orElse(false);
    }
}
