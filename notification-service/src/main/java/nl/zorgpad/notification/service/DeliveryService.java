package nl.zorgpad.notification.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.commons.security.Roles;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.domain.Timestamps;

/** The delivery log of the caller's organisation (and, for a vsv-admin, of the partners in their region). */
@ApplicationScoped
public class DeliveryService {

    public record DeliverySlice(List<Delivery> items, long total) {
    }

    private static final String VISIBLE = "(organisationId = :org or (:admin = true and organisationId in "
            + "(select p.partnerId from Partner p where p.regionId = :org)))";

    private final Access access;

    public DeliveryService(Access access) {
        this.access = access;
    }

    public DeliverySlice list(Caller caller, String referralId, Delivery.Status status, int page, int size) {
        StringBuilder where = new StringBuilder(VISIBLE);
        Parameters params = Parameters.with("org", caller.organisationId())
                .and("admin", caller.hasRole(Roles.VSV_ADMIN));
        if (referralId != null && !referralId.isBlank()) {
            where.append(" and referralId = :referral");
            params.and("referral", referralId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        PanacheQuery<Delivery> query = Delivery.find(where.toString(), Sort.descending("createdAt", "id"), params);
        query.page(Page.of(page, size));
        return new DeliverySlice(query.list(), query.count());
    }

    /** Puts a dead delivery back in the queue with a fresh retry window. */
    @Transactional
    public Delivery retry(Caller caller, UUID id) {
        Delivery delivery = Delivery.<Delivery>findByIdOptional(id)
                .filter(d -> access.mayManage(caller, d.organisationId))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No delivery " + id));
        if (delivery.status != Delivery.Status.DEAD) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Only a dead delivery can be retried; this one is " + delivery.status);
        }
        Instant now = Timestamps.now();
        delivery.status = Delivery.Status.PENDING;
        delivery.nextAttemptAt = now;
        delivery.windowStartAt = now;
        delivery.updatedAt = now;
        return delivery;
    }
}
