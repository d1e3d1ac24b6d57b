package nl.zorgpad.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An e-mail address of an organisation that wants a short notice for some event types. */
@Entity
@Table(name = "email_subscription")
public class EmailSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public String organisationId;

    @Column(name = "address", nullable = false)
    public String address;

    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> eventTypeList() {
        return WebhookEndpoint.EventTypes.split(eventTypes);
    }

    public boolean wants(String eventType) {
        return eventTypeList().contains(eventType);
    }
}
