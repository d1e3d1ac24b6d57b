package nl.zorgpad.notification.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.notification.domain.InboxItem;
import nl.zorgpad.notification.domain.Timestamps;

/** The inbox of the caller's own organisation. */
@ApplicationScoped
public class InboxService {

    public record InboxSlice(List<InboxItem> items, long total) {
    }

    public InboxSlice list(Caller caller, boolean unreadOnly, int page, int size) {
        PanacheQuery<InboxItem> query = unreadOnly
                ? InboxItem.find("organisationId = ?1 and readAt is null", Sort.descending("createdAt", "id"),
                caller.organisationId())
                : InboxItem.find("organisationId = ?1", Sort.descending("createdAt", "id"), caller.organisationId());
        query.page(Page.of(page, size));
        return new InboxSlice(query.list(), query.count());
    }

    /** Marks an item read (idempotent); another organisation's item is not found. */
    @Transactional
    public InboxItem markRead(Caller caller, UUID id) {
        InboxItem item = InboxItem.<InboxItem>findByIdOptional(id)
                .filter(i -> i.organisationId.equals(caller.organisationId()))
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "No inbox item " + id));
        if (item.readAt == null) {
            item.readAt = Timestamps.now();
        }
        return item;
    }
}
