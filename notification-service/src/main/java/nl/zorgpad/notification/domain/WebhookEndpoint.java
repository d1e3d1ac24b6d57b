package nl.zorgpad.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
}
