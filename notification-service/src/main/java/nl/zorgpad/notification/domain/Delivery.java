package nl.zorgpad.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One event for one organisation on one channel target. The table is also the retry queue: a PENDING row whose
 * {@code nextAttemptAt} has passed is due; a restart loses nothing.
 */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum Channel { WEBHOOK, EMAIL }

    public enum Status { PENDING, DELIVERED, DEAD }

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false)
    public Channel channel;

    @Column(name = "endpoint_id")
    public UUID endpointId;

    /** The webhook URL or e-mail address at the time the event arrived. */
    @Column(name = "target", nullable = false)
    public String target;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "referral_id", nullable = false)
    public String referralId;

    /** The CloudEvent as received (ids only). */
    @Column(name = "payload", nullable = false)
    public String payload;

    /**
     * The W3C trace context each attempt continues (a span of the event's trace); null for deliveries queued while
     * tracing was off or before it existed.
     */
    @Column(name = "traceparent")
    public String traceparent;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public Status status;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** Set while an instance sends the delivery; the referral's later deliveries to the same receiver wait for it. */
    @Column(name = "leased_until")
    public Instant leasedUntil;

    /** Start of the retry window (creation, or a manual retry); after the window the delivery is dead. */
    @Column(name = "window_start_at", nullable = false)
    public Instant windowStartAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
