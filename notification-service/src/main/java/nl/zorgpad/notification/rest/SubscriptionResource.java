package nl.zorgpad.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.notification.domain.EmailSubscription;
import nl.zorgpad.notification.domain.Timestamps;
import nl.zorgpad.notification.domain.WebhookEndpoint;
import nl.zorgpad.notification.service.SubscriptionService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/subscriptions/{organisationId}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions", description = "How an organisation wants to hear of referral events")
public class SubscriptionResource {

    private static final String REQUEST_EXAMPLE = """
            {"webhooks":[{"url":"https://wijkteam.example.nl/zorgpad/events",
            "secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "eventTypes":["referral.requested","referral.overdue"]}],
            "emails":[{"address":"intake@wijkteam.example.nl","eventTypes":["referral.requested"]}]}""";

    private static final String VIEW_EXAMPLE = """
            {"organisationId":"partner-wijkteam-smallingerland","inbox":true,
            "webhooks":[{"id":"7d1f3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","url":"https://wijkteam.example.nl/zorgpad/events",
            "eventTypes":["referral.overdue","referral.requested"],"secretSet":true,
            "secretRotatedAt":"2026-11-24T10:00:00Z","previousSecretSignsUntil":null}],
            "emails":[{"address":"intake@wijkteam.example.nl","eventTypes":["referral.requested"]}]}""";

    private static final String REFUSED_EXAMPLE = """
            {"type":"https://zorgpad.nl/problems/rule-violation","title":"Unprocessable request","status":422,
            "detail":"The request has invalid fields",
            "errors":[{"field":"webhooks[0].url","message":"resolves to an internal address"}]}""";

    /** The event types a webhook or e-mail subscription can name (closed set, see Routing). */
    static final String EVENT_TYPES = "referral.requested, referral.cancelled, referral.consent-withdrawn, "
            + "referral.overdue, referral.accepted, referral.rejected, referral.in-progress, referral.on-hold, "
            + "referral.completed, referral.failed";
    static final String EVENT_TYPES_EXAMPLE = "[\"referral.requested\", \"referral.overdue\"]";

    /** A webhook to keep ({@code id} given) or add; {@code secret} sets or rotates it and is never returned. */
    public record WebhookRequest(
            @Schema(description = "The id of an existing webhook to keep and update; left out to add a new webhook",
                    examples = "7d1f3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f")
            UUID id,
            @Schema(description = "Where the events are POSTed; https outside dev and test",
                    examples = "https://wijkteam.example.nl/zorgpad/events",
                    required = true)
            @NotBlank @Size(max = 2000) String url,
            @Schema(description = "The signing secret, whsec_ and 24 to 64 bytes in base64; required for a new "
                    + "webhook, rotates the secret of an existing one, never returned",
                    examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            @Size(max = 200) String secret,
            @Schema(description = "The event types to POST, each one of: " + EVENT_TYPES,
                    examples = EVENT_TYPES_EXAMPLE,
                    required = true)
            @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
    }

    public record EmailRequest(
            @Schema(description = "The e-mail address that gets a short notice per event",
                    examples = "intake@wijkteam.example.nl",
                    required = true)
            @NotBlank @Email @Size(max = 320) String address,
            @Schema(description = "The event types to send a notice for, each one of: " + EVENT_TYPES,
                    examples = EVENT_TYPES_EXAMPLE,
                    required = true)
            @NotEmpty @Size(max = 20) List<@NotBlank String> eventTypes) {
    }

    public record SubscriptionsRequest(
            @Schema(description = "All webhooks the organisation keeps; those left out are removed, so leaving the "
                    + "list out removes every webhook")
            @Size(max = 10) List<@NotNull @Valid WebhookRequest> webhooks,
            @Schema(description = "All e-mail subscriptions of the organisation; they replace the current ones, so "
                    + "leaving the list out removes every e-mail subscription")
            @Size(max = 20) List<@NotNull @Valid EmailRequest> emails) {
    }

    public record WebhookView(
            @Schema(description = "The webhook's id; send it back to keep the webhook",
                    examples = "7d1f3c2e-4b5a-4c6d-8e9f-0a1b2c3d4e5f",
                    required = true)
            UUID id,
            @Schema(description = "Where the events are POSTed",
                    examples = "https://wijkteam.example.nl/zorgpad/events",
                    required = true)
            String url,
            @Schema(description = "The event types it receives, sorted; each one of: " + EVENT_TYPES,
                    examples = EVENT_TYPES_EXAMPLE,
                    required = true)
            List<String> eventTypes,
            @Schema(description = "True when a signing secret is set; the secret itself is never shown",
                    examples = "true",
                    required = true)
            boolean secretSet,
            @Schema(description = "When the signing secret was last set", examples = "2026-11-24T10:00:00Z",
                    required = true)
            Instant secretRotatedAt,
            @Schema(description = "Until when the secret the last rotation replaced still signs beside the new one"
                    + " (each delivery then carries both signatures); null when it no longer does",
                    examples = "2026-11-25T10:00:00Z", required = true, nullable = true)
            Instant previousSecretSignsUntil) {
        static WebhookView of(WebhookEndpoint w) {
            return new WebhookView(w.id, w.url, w.eventTypeList(), w.secret != null, w.secretRotatedAt,
                    w.overlapUntil(Timestamps.now()));
        }
    }

    public record EmailView(
            @Schema(description = "The e-mail address that gets a short notice per event",
                    examples = "intake@wijkteam.example.nl",
                    required = true)
            String address,
            @Schema(description = "The event types it gets a notice for, sorted; each one of: " + EVENT_TYPES,
                    examples = "[\"referral.requested\"]",
                    required = true)
            List<String> eventTypes) {
        static EmailView of(EmailSubscription e) {
            return new EmailView(e.address, e.eventTypeList());
        }
    }

    /** The inbox is always on; it is listed so that a screen can show all channels. */
    public record SubscriptionsView(
            @Schema(description = "The organisation the subscriptions belong to",
                    examples = "partner-wijkteam-smallingerland",
                    required = true)
            String organisationId,
            @Schema(description = "Always true: every organisation has an inbox", examples = "true", required = true)
            boolean inbox,
            @Schema(description = "The organisation's webhooks, oldest first", required = true)
            List<WebhookView> webhooks,
            @Schema(description = "The organisation's e-mail subscriptions, by address", required = true)
            List<EmailView> emails) {
        static SubscriptionsView of(SubscriptionService.Subscriptions s) {
            return new SubscriptionsView(s.organisationId(), true,
                    s.webhooks().stream().map(WebhookView::of).toList(),
                    s.emails().stream().map(EmailView::of).toList());
        }
    }

    private final SubscriptionService subscriptions;
    private final CurrentCaller caller;

    public SubscriptionResource(SubscriptionService subscriptions, CurrentCaller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "An organisation's subscriptions (webhook secrets are never shown)",
            description = "Allowed for the organisation itself and for the vsv-admin of a partner's region.")
    @APIResponse(responseCode = "200", description = "The subscriptions", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionsView.class),
            examples = @ExampleObject(name = "district team", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to see",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public SubscriptionsView getSubscriptions(@PathParam("organisationId") String organisationId) {
        return SubscriptionsView.of(subscriptions.get(caller.get(), organisationId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an organisation's webhooks and e-mail subscriptions",
            description = "Webhooks without id are added (secret required); webhooks with the id of an existing one "
                    + "are updated and keep their secret unless a new one is given (rotation: the replaced secret"
                    + " keeps signing beside the new one for 24 hours, so deliveries carry both signatures and a"
                    + " receiver can switch without refusing any); webhooks left out are "
                    + "removed. Outside dev and test, URLs must be https and may not resolve to internal addresses.")
    @APIResponse(responseCode = "200", description = "The subscriptions as stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionsView.class),
            examples = @ExampleObject(name = "district team", value = VIEW_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unreadable JSON (problem type unreadable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422",
            extensions = @Extension(name = "x-problem-types", value = "validation, rule-violation"),
            description = "A field breaks its constraint (e.g. a bad e-mail address; validation), or a rule"
            + " refuses it (rule-violation): a webhook URL that is not https or resolves "
            + "to an internal address (outside dev and test), an unknown event type, a missing or malformed secret; "
            + "nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "internal address", value = REFUSED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown, or not the caller's to manage",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public SubscriptionsView putSubscriptions(@PathParam("organisationId") String organisationId,
                                 @NotNull @Valid @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
                                         content = @Content(examples = @ExampleObject(name = "district team",
                                                 value = REQUEST_EXAMPLE)))
                                 SubscriptionsRequest request) {
        List<SubscriptionService.WebhookInput> webhooks = request.webhooks() == null ? List.of()
                : request.webhooks().stream().map(w -> new SubscriptionService.WebhookInput(w.id(), w.url(),
                w.secret(), w.eventTypes())).toList();
        List<SubscriptionService.EmailInput> emails = request.emails() == null ? List.of()
                : request.emails().stream().map(e -> new SubscriptionService.EmailInput(e.address(),
                e.eventTypes())).toList();
        return SubscriptionsView.of(subscriptions.replace(caller.get(), organisationId, webhooks, emails));
    }
}
