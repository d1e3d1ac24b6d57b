package nl.zorgpad.notification.service;

/**
 * Fired inside the ingest transaction; observed after a successful commit to dispatch the new deliveries at once.
 * (New inbox items reach the live screens through {@code InboxNotifications}, on every replica.)
 */
public record NotificationsCommitted(int deliveries) {
}
