package nl.zorgpad.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.notification.domain.Delivery;
import nl.zorgpad.notification.service.DeliveryService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/deliveries")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "The delivery log: webhook and e-mail attempts per event")
public class DeliveryResource {

    private static final String EXAMPLE = """
            {"items":[{"id":"1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d","organisationId":"partner-wijkteam-smallingerland",
            "channel":"webhook","target":"https://wijkteam.example.nl/zorgpad/events",
            "eventId":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","eventType":"referral.requested",
            "referralId":"0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b","status":"pending","attempts":2,"lastStatusCode":503,
            "lastError":"receiver answered 503","nextAttemptAt":"2026-11-24T10:01:31Z","deliveredAt":null,
            "createdAt":"2026-11-24T10:00:01Z"}],"page":0,"size":20,"total":1}""";

    private static final String UNKNOWN_STATUS_EXAMPLE = """
            {"type":"https://zorgpad.nl/problems/validation","title":"The request is not valid","status":422,
            "detail":"The request has invalid fields",
            "errors":[{"field":"status","message":"must be one of pending, delivered, dead"}]}""";

    public record DeliveryView(
            @Schema(description = "The delivery's id", examples = "1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
                    required = true)
            UUID id,
            @Schema(description = "The organisation the event is delivered to",
                    examples = "partner-wijkteam-smallingerland",
                    required = true)
            String organisationId,
            @Schema(description = "How the event is delivered: to a webhook or by e-mail",
                    examples = "webhook",
                    required = true,
                    enumeration = {"webhook", "email"})
            String channel,
            @Schema(description = "The webhook URL or e-mail address the event is delivered to",
                    examples = "https://wijkteam.example.nl/zorgpad/events",
                    required = true)
            String target,
            @Schema(description = "The id of the referral event being delivered",
                    examples = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a",
                    required = true)
            String eventId,
            @Schema(description = "What happened to the referral",
                    examples = "referral.requested",
                    required = true,
                    enumeration = {"referral.requested", "referral.cancelled", "referral.consent-withdrawn",
                            "referral.overdue", "referral.accepted", "referral.rejected", "referral.in-progress",
                            "referral.on-hold", "referral.completed", "referral.failed"})
            String eventType,
            @Schema(description = "The referral the event is about", examples = "0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b",
                    required = true)
            String referralId,
            @Schema(description = "Where the delivery stands: still being tried, delivered, or given up",
                    examples = "pending",
                    required = true,
                    enumeration = {"pending", "delivered", "dead"})
            String status,
            @Schema(description = "How many attempts were made so far", examples = "2", required = true)
            int attempts,
            @Schema(description = "HTTP status of the webhook's last answer; null when the last attempt got no "
                    + "answer, before the first attempt, and for e-mail",
                    examples = "503",
                    required = true,
                    nullable = true)
            Integer lastStatusCode,
            @Schema(description = "Why the last attempt failed; null when none failed yet or it was delivered",
                    examples = "receiver answered 503",
                    required = true,
                    nullable = true)
            String lastError,
            @Schema(description = "When the next attempt is due; null when delivered or dead",
                    examples = "2026-11-24T10:01:31Z",
                    required = true,
                    nullable = true)
            Instant nextAttemptAt,
            @Schema(description = "When the receiver accepted it; null until then",
                    examples = "2026-11-24T10:01:32Z",
                    required = true,
                    nullable = true)
            Instant deliveredAt,
            @Schema(description = "When the event was queued for delivery", examples = "2026-11-24T10:00:01Z",
                    required = true)
            Instant createdAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.organisationId, d.channel.name().toLowerCase(Locale.ROOT), d.target,
                    d.eventId, d.eventType, d.referralId, d.status.name().toLowerCase(Locale.ROOT), d.attempts,
                    d.lastStatusCode, d.lastError, d.nextAttemptAt, d.deliveredAt, d.createdAt);
        }
    }

    public record DeliveryPage(
            @Schema(description = "The deliveries on this page, newest first", required = true)
            List<DeliveryView> items,
            @Schema(description = "The page number, starting at 0", examples = "0", required = true)
            int page,
            @Schema(description = "The maximum number of deliveries per page", examples = "20", required = true)
            int size,
            @Schema(description = "How many deliveries match the filter, on all pages", examples = "1",
                    required = true)
            long total) {
    }

    private final DeliveryService deliveries;
    private final CurrentCaller caller;

    public DeliveryResource(DeliveryService deliveries, CurrentCaller caller) {
        this.deliveries = deliveries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's deliveries (a vsv-admin also sees those of the partners in their region)",
            description = "Any signed-in user: the webhook and e-mail attempts for her own organisation, filtered"
                    + " by referral and status; no other organisation's, except a vsv-admin's region partners.")
    @APIResponse(responseCode = "200", description = "A page of deliveries, newest first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryPage.class),
            examples = @ExampleObject(name = "a webhook being retried", value = EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A paging parameter out of range or an unknown status filter "
            + "(problem type validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unknown status", value = UNKNOWN_STATUS_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public DeliveryPage listDeliveries(@QueryParam("referralId") @Size(max = 64) String referralId,
                             @QueryParam("status") String status,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        DeliveryService.DeliverySlice slice = deliveries.list(caller.get(), referralId, parseStatus(status),
                page, size);
        return new DeliveryPage(slice.items().stream().map(DeliveryView::of).toList(), page, size, slice.total());
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Put a dead delivery back in the queue, with a fresh 24-hour retry window",
            description = "For a delivery whose retries ran out, e.g. after the receiver fixed its webhook. A"
                    + " delivery the caller may not manage answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The delivery, pending again", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery for the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The delivery is not dead",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public DeliveryView retryDelivery(@PathParam("id") UUID id) {
        return DeliveryView.of(deliveries.retry(caller.get(), id));
    }

    private static Delivery.Status parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Delivery.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.VALIDATION, "The request has invalid fields",
                    List.of(new FieldError("status", "must be one of pending, delivered, dead")), Map.of());
        }
    }
}
