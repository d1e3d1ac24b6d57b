package nl.zorgpad.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A webhook an organisation registered: where to POST which event types, signed with its secret. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "url", nullable = false)
    public String url;

    /** {@code whsec_<base64>}; write-only towards the API. */
    @Column(name = "secret", nullable = false)
    public String secret;

    /** Comma-separated event types, e.g. {@code referral.requested,referral.overdue}. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    /** The secret the last rotation replaced; it signs beside {@link #secret} until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventTypeList() {
        return EventTypes.split(eventTypes);
    }

    public boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }

    public static final class EventTypes {
        private EventTypes() {
        }

        public static List<String> split(String joined) {
            return joined == null || joined.isBlank() ? List.of()
                    : Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }

        public static String join(List<String> types) {
            return String.join(",", types.stream().distinct().sorted().toList());
        }
    }

    /**
     * Sets a new signing secret. The one it replaces keeps signing beside it for {@code overlap}, so that a receiver
     * can switch to the new one without refusing deliveries in between. Setting the current secret again changes
     * nothing.
     */
    public void rotateSecret(String newSecret, Instant now, Duration overlap) {
        if (newSecret.equals(secret)) {
            return;
        }
        if (secret != null) {
            previousSecret = secret;
            previousSecretUntil = now.plus(overlap);
        }
        secret = newSecret;
        secretRotatedAt = now;
    }

    /** The secrets a delivery at {@code now} is signed with: the current one, and the previous one while it overlaps. */
    public List<String> signingSecrets(Instant now) {
        return overlapUntil(now) != null ? List.of(secret, previousSecret) : List.of(secret);
    }

    /** Until when the previous secret still signs; null when none does. */
    public Instant overlapUntil(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil) ? previousSecretUntil : null;
    }
}
