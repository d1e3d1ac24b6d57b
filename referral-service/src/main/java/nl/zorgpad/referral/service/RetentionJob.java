package nl.zorgpad.referral.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.zorgpad.commons.problem.DatabaseOutage;
import nl.zorgpad.referral.config.ReferralConfig;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.messaging.OutboxRelay;
import org.jboss.logging.Logger;

/**
 * Erases the client details of referrals closed (completed, failed, cancelled, rejected) longer ago than the
 * retention period (default 90 days). Ids, codes, dates and statuses stay for the stats. Then purges access-log
 * records older than five years: the application's role cannot delete from the access log itself, so it calls the
 * database function {@code purge_access_log()} (V4), which runs as the owner with the five years fixed inside.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final EntityManager em;
    private final ReferralConfig config;
    private final OutboxRelay outbox;
    private final ReferralWriter writer;

    public RetentionJob(EntityManager em, ReferralConfig config, OutboxRelay outbox, ReferralWriter writer) {
        this.em = em;
        this.config = config;
        this.outbox = outbox;
        this.writer = writer;
    }

    @Scheduled(cron = "${zorgpad.referral.retention.cron}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        DatabaseOutage.runScheduled("Retention", () -> {
            int erased = runAt(Instant.now());
            long purged = purgeAccessLog();
            LOG.infof("Retention: erased the client details of %d referral(s), purged %d access-log record(s) older "
                    + "than five years", erased, purged);
        });
    }

    /** Deletes the access-log records older than five years (the database decides the period); returns how many. */
    @Transactional
    public long purgeAccessLog() {
        return ((Number) em.createNativeQuery("SELECT purge_access_log()").getSingleResult()).longValue();
    }

    /**
     * Erases what is due at {@code now}; returns how many referrals were erased. The due rows are locked while they are
     * read: every replica runs this job, and so may a consent withdrawal on the same referral. A run that finds a row
     * locked waits, then no longer sees it as due once the other transaction erased it, instead of failing on the
     * version check at commit and rolling back the erasure of all other referrals with it.
     */
    @Transactional
    public int runAt(Instant now) {
        Duration keep = config.retention().keepClosedDetails();
        List<Referral> due = em.createQuery("FROM Referral WHERE closedAt < :limit AND detailsErasedAt IS NULL",
                        Referral.class).setParameter("limit", now.minus(keep))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Referral referral : due) {
            writer.eraseClientDetails(referral, now, "retention");
        }
        em.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, now.minus(Duration.ofDays(1))).executeUpdate();
        outbox.removePublishedBefore(now.minus(config.outbox().keepPublished()));
        return due.size();
    }
}
