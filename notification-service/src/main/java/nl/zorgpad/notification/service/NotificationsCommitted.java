package nl.zorgpad.notification.service;

import java.util.List;
import nl.zorgpad.notification.domain.InboxItem;

/** Fired inside the ingest transaction; observed after a successful commit (SSE push, immediate dispatch). */
public record NotificationsCommitted(List<InboxItem> inboxItems, int deliveries) {
}
