package nl.zorgpad.referral.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.zorgpad.commons.problem.DatabaseOutage;
import nl.zorgpad.referral.domain.DutchWorkingDays;
import nl.zorgpad.referral.domain.Referral;
import nl.zorgpad.referral.messaging.ReferralEventType;
import nl.zorgpad.referral.messaging.Outbox;

/**
 * Marks a requested referral overdue once its acknowledge deadline has passed (one {@code referral.overdue} event),
 * then sends one reminder per further working day while nobody acknowledges it. The marks record which events were
 * sent; the API judges overdue from the deadline itself ({@link Referral#isOverdue(LocalDate)}, the same condition),
 * so it does not wait for this job's next run after midnight. The marks are written without bumping the version, so
 * the partner's ETag stays valid.
 */
@ApplicationScoped
public class OverdueJob {

    /** What one run did. */
    public record Run(int markedOverdue, int reminders) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final ZoneId zone;

    public OverdueJob(EntityManager em, Outbox outbox, ZoneId zone) {
        this.em = em;
        this.outbox = outbox;
        this.zone = zone;
    }

    @Scheduled(every = "${zorgpad.referral.overdue.interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        DatabaseOutage.runScheduled("Overdue job", () -> runFor(LocalDate.now(zone)));
    }

    @Transactional
    public Run runFor(LocalDate today) {
        Instant now = Instant.now();
        List<Referral> newlyOverdue = em.createQuery("FROM Referral WHERE status = 'requested' "
                        + "AND overdueSince IS NULL AND acknowledgeDeadline < :today", Referral.class)
                .setParameter("today", today).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        for (Referral referral : newlyOverdue) {
            outbox.record(ReferralEventType.OVERDUE, referral, now);
            mark(referral, today, true);
        }
        int reminders = 0;
        if (DutchWorkingDays.isWorkingDay(today)) {
            List<Referral> stillOverdue = em.createQuery("FROM Referral WHERE status = 'requested' "
                            + "AND overdueSince IS NOT NULL AND lastOverdueNotice < :today", Referral.class)
                    .setParameter("today", today).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                    .getResultList();
            for (Referral referral : stillOverdue) {
                outbox.record(ReferralEventType.OVERDUE, referral, now);
                mark(referral, today, false);
                reminders++;
            }
        }
        return new Run(newlyOverdue.size(), reminders);
    }

    private void mark(Referral referral, LocalDate today, boolean first) {
        em.createNativeQuery(first
                        ? "UPDATE referral SET overdue_since = ?1, last_overdue_notice = ?1 WHERE id = ?2"
                        : "UPDATE referral SET last_overdue_notice = ?1 WHERE id = ?2")
                .setParameter(1, today).setParameter(2, referral.id).executeUpdate();
    }
}
