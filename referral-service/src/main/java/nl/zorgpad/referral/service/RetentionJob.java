package nl.zorgpad.referral.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.zorgpad.referral.config.ReferralConfig;
import nl.zorgpad.referral.domain.Referral;

/**
 * Erases the client details of referrals closed (completed, failed, cancelled, rejected) longer ago than the
 * retention period (default 90 days). Ids, codes, dates and statuses stay for the stats. The access log is not
 * touched: it is kept five years, and the application's role could not delete from it anyway.
 */
@ApplicationScoped
public class RetentionJob {

    private final EntityManager em;
    private final ReferralConfig config;

    public RetentionJob(EntityManager em, ReferralConfig config) {
        this.em = em;
        this.config = config;
    }

    @Scheduled(cron = "${referral.retention.cron:0 30 2 * * ?}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runAt(Instant.now());
    }

    /** Erases what is due at {@code now}; returns how many referrals were erased. */
    @Transactional
    public int runAt(Instant now) {
        Duration keep = config.retention().closedDetails();
        List<Referral> due = em.createQuery("FROM Referral WHERE closedAt < :limit AND detailsErasedAt IS NULL",
                Referral.class).setParameter("limit", now.minus(keep)).getResultList();
        for (Referral referral : due) {
            referral.eraseClientDetails(now, "retention");
        }
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, now.minus(Duration.ofDays(1))).executeUpdate();
        return due.size();
    }
}
