package nl.zorgpad.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.Caller;
import nl.zorgpad.notification.config.NotificationConfig;
import nl.zorgpad.notification.delivery.UrlPolicy;
import nl.zorgpad.notification.delivery.WebhookSigner;
import nl.zorgpad.notification.domain.EmailSubscription;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.domain.WebhookEndpoint;

/**
 * Reads and replaces an organisation's subscriptions. A webhook keeps its secret unless a new one is given
 * (rotation); a new webhook needs one. Secrets never leave this service.
 */
@ApplicationScoped
public class SubscriptionService {

    /** A webhook as requested: {@code id} names an existing one to keep, {@code secret} sets or rotates. */
    public record WebhookInput(UUID id, String url, String secret, List<String> eventTypes) {
    }

    public record EmailInput(String address, List<String> eventTypes) {
    }

    public record Subscriptions(String organisationId, List<WebhookEndpoint> webhooks,
                                List<EmailSubscription> emails) {
    }

    private final Access access;
    private final UrlPolicy urlPolicy;
    private final NotificationConfig config;

    public SubscriptionService(Access access, NotificationConfig config) {
        this.access = access;
        this.config = config;
        this.urlPolicy = new UrlPolicy(config.webhook().requireHttps(), config.webhook().blockPrivateAddresses());
    }

    public Subscriptions get(Caller caller, String organisationId) {
        access.requireManage(caller, organisationId);
        return load(organisationId);
    }

    @Transactional
    public Subscriptions replace(Caller caller, String organisationId, List<WebhookInput> webhooks,
                                 List<EmailInput> emails) {
        access.requireManage(caller, organisationId);
        Map<UUID, WebhookEndpoint> existing = WebhookEndpoint.<WebhookEndpoint>list("organisationId",
                organisationId).stream().collect(Collectors.toMap(w -> w.id, Function.identity()));
        validate(webhooks, emails, existing.keySet());

        Instant now = Timestamps.now();
        Set<UUID> kept = new HashSet<>();
        for (WebhookInput input : webhooks) {
            WebhookEndpoint endpoint = input.id() == null ? null : existing.get(input.id());
            if (endpoint == null) {
                endpoint = new WebhookEndpoint();
                endpoint.id = UUID.randomUUID();
                endpoint.organisationId = organisationId;
                endpoint.createdAt = now;
            }
            endpoint.url = input.url();
            endpoint.eventTypes = WebhookEndpoint.EventTypes.join(input.eventTypes());
            if (input.secret() != null) {
                endpoint.rotateSecret(input.secret(), now, config.webhook().secretOverlap());
            }
            endpoint.persist();
            kept.add(endpoint.id);
        }
        existing.values().stream().filter(w -> !kept.contains(w.id)).forEach(WebhookEndpoint::delete);

        EmailSubscription.delete("organisationId", organisationId);
        EmailSubscription.flush();
        for (EmailInput input : emails) {
            EmailSubscription email = new EmailSubscription();
            email.id = UUID.randomUUID();
            email.organisationId = organisationId;
            email.address = input.address().trim().toLowerCase(Locale.ROOT);
            email.eventTypes = WebhookEndpoint.EventTypes.join(input.eventTypes());
            email.createdAt = now;
            email.persist();
        }
        return load(organisationId);
    }

    private void validate(List<WebhookInput> webhooks, List<EmailInput> emails, Set<UUID> existing) {
        List<FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < webhooks.size(); i++) {
            WebhookInput input = webhooks.get(i);
            String at = "webhooks[" + i + "]";
            if (input.id() != null && (!existing.contains(input.id()) || !seen.add(input.id()))) {
                errors.add(new FieldError(at + ".id", "is not a webhook of this organisation"));
            }
            Optional<String> refusal = urlPolicy.refusal(input.url());
            refusal.ifPresent(why -> errors.add(new FieldError(at + ".url", why)));
            boolean isNew = input.id() == null || !existing.contains(input.id());
            if (input.secret() == null && isNew) {
                errors.add(new FieldError(at + ".secret", "is required for a new webhook"));
            } else if (input.secret() != null && !WebhookSigner.isValidSecret(input.secret())) {
                errors.add(new FieldError(at + ".secret", "must be whsec_ followed by 24 to 64 bytes in base64"));
            }
            checkTypes(input.eventTypes(), at + ".eventTypes", errors);
        }
        Set<String> addresses = new HashSet<>();
        for (int i = 0; i < emails.size(); i++) {
            EmailInput input = emails.get(i);
            if (!addresses.add(input.address().trim().toLowerCase(Locale.ROOT))) {
                errors.add(new FieldError("emails[" + i + "].address", "is listed twice"));
            }
            checkTypes(input.eventTypes(), "emails[" + i + "].eventTypes", errors);
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, "The request has invalid fields", errors, Map.of());
        }
    }

    private static void checkTypes(List<String> types, String field, List<FieldError> errors) {
        for (String type : types) {
            if (!Routing.knownTypes().contains(type)) {
                errors.add(new FieldError(field, "unknown event type " + type));
            }
        }
    }

    private static Subscriptions load(String organisationId) {
        return new Subscriptions(organisationId,
                WebhookEndpoint.list("organisationId = ?1 order by createdAt, id", organisationId),
                EmailSubscription.list("organisationId = ?1 order by address", organisationId));
    }
}
