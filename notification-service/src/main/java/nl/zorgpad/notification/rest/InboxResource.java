package nl.zorgpad.notification.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.commons.problem.Problem;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.notification.delivery.InboxBroadcaster;
import nl.zorgpad.notification.domain.InboxItem;
import nl.zorgpad.notification.service.InboxService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The live inbox of the caller's organisation")
public class InboxResource {

    private static final String PAGE_EXAMPLE = """
            {"items":[{"id":"5b0c7f7e-8d7a-4a52-9a4e-0d9f2f5b8c11","eventType":"referral.requested",
            "referralId":"0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b",
            "fhirTask":"http://localhost:8082/fhir/Task/0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b",
            "createdAt":"2026-11-24T10:00:01Z","readAt":null}],
            "page":0,"size":20,"total":1}""";

    public record InboxItemView(
            @Schema(description = "The inbox item's id", examples = "5b0c7f7e-8d7a-4a52-9a4e-0d9f2f5b8c11",
                    required = true)
            UUID id,
            @Schema(description = "What happened to the referral",
                    examples = "referral.requested",
                    required = true,
                    enumeration = {"referral.requested", "referral.cancelled", "referral.consent-withdrawn",
                            "referral.overdue", "referral.accepted", "referral.rejected", "referral.in-progress",
                            "referral.on-hold", "referral.completed", "referral.failed"})
            String eventType,
            @Schema(description = "The referral the item is about", examples = "0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b",
                    required = true)
            String referralId,
            @Schema(description = "The referral as a FHIR R4 Task (absolute URL under referral-service's /fhir): a"
                    + " FHIR client pulls it from here. Null for items of events that did not carry one (written"
                    + " before referral-service added it)",
                    examples = "http://localhost:8082/fhir/Task/0e5f6c1a-2b3d-4e5f-8a9b-1c2d3e4f5a6b",
                    format = "uri",
                    required = true,
                    nullable = true)
            String fhirTask,
            @Schema(description = "When the item arrived in the inbox", examples = "2026-11-24T10:00:01Z",
                    required = true)
            Instant createdAt,
            @Schema(description = "When it was marked read; null while unread",
                    examples = "2026-11-24T10:05:12Z",
                    required = true,
                    nullable = true)
            Instant readAt) {
        static InboxItemView of(InboxItem item) {
            return new InboxItemView(item.id, item.eventType, item.referralId, item.fhirTask, item.createdAt,
                    item.readAt);
        }
    }

    public record InboxPage(
            @Schema(description = "The inbox items on this page, newest first", required = true)
            List<InboxItemView> items,
            @Schema(description = "The page number, starting at 0", examples = "0", required = true)
            int page,
            @Schema(description = "The maximum number of items per page", examples = "20", required = true)
            int size,
            @Schema(description = "How many items match the filter, on all pages", examples = "1", required = true)
            long total) {
    }

    private final InboxService inbox;
    private final InboxBroadcaster broadcaster;
    private final CurrentCaller caller;

    public InboxResource(InboxService inbox, InboxBroadcaster broadcaster, CurrentCaller caller) {
        this.inbox = inbox;
        this.broadcaster = broadcaster;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "List the caller's organisation's inbox, newest first",
            description = "Any signed-in user; the organisation is the one in her token (org_id). Items name a"
                    + " referral and what happened to it, never client details.")
    @APIResponse(responseCode = "200", description = "A page of inbox items", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxPage.class),
            examples = @ExampleObject(name = "one new referral", value = PAGE_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A paging parameter out of range (problem type validation)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public InboxPage listInbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                          @QueryParam("unread") @DefaultValue("false") boolean unread) {
        InboxService.InboxSlice slice = inbox.list(caller.get(), unread, page, size);
        return new InboxPage(slice.items().stream().map(InboxItemView::of).toList(), page, size, slice.total());
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark an inbox item as read (idempotent)",
            description = "Marking twice is the same as once. An item of another organisation answers 404.")
    @APIResponse(responseCode = "200", description = "The item, now read", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InboxItemView.class)))
    @APIResponse(responseCode = "404", description = "No such item in the caller's inbox",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    public InboxItemView markInboxItemRead(@PathParam("id") UUID id) {
        return InboxItemView.of(inbox.markRead(caller.get(), id));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live stream of new inbox items (Server-Sent Events)",
            description = "Starts with a 'connected' event, then one 'inbox-item' event (JSON as in the list) per "
                    + "new item of the caller's organisation, and a 'ping' every 15 seconds.")
    @APIResponse(responseCode = "200", description = "An event stream",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS))
    @APIResponse(responseCode = "401", description = "No valid token")
    public Multi<OutboundSseEvent> streamInbox(@Context Sse sse) {
        // Read now, while the request is active: CurrentCaller is request-scoped and the stream outlives the request.
        String organisation = caller.get().organisationId();
        Multi<OutboundSseEvent> items = broadcaster.stream(organisation)
                .map(item -> sse.newEventBuilder().name("inbox-item").id(item.id().toString())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(new InboxItemView(item.id(), item.eventType(), item.referralId(), item.fhirTask(),
                                item.createdAt(), null))
                        .build());
        Multi<OutboundSseEvent> pings = Multi.createFrom().ticks().every(Duration.ofSeconds(15))
                .map(tick -> sse.newEventBuilder().name("ping").data("{}").build());
        Multi<OutboundSseEvent> connected = Multi.createFrom().item(
                () -> sse.newEventBuilder().name("connected").mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(java.util.Map.of("organisationId", organisation)).build());
        return Multi.createBy().merging().streams(items, pings, connected);
    }
}
