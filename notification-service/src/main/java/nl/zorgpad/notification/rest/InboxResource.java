package nl.zorgpad.notification.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.notification.domain.InboxItem;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/inbox")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox", description = "The live inbox of an organisation")
public class InboxResource {

    public record InboxItemView(UUID id, String eventType, UUID referralId, Instant createdAt, Instant readAt) {
    }

    public record InboxPage(List<InboxItemView> items, int page, int size, long total) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @Operation(summary = "List the caller's organisation's inbox, newest first")
    @APIResponse(responseCode = "200", description = "A page of inbox items")
    @APIResponse(responseCode = "401", description = "No valid token")
    public InboxPage list(@QueryParam("page") @DefaultValue("0") int page,
                          @QueryParam("size") @DefaultValue("20") int size) {
        String organisation = token.getClaim("org_id");
        var query = InboxItem.<InboxItem>find("organisationId", Sort.descending("createdAt"), organisation)
                .page(Page.of(page, size));
        List<InboxItemView> items = query.list().stream()
                .map(i -> new InboxItemView(i.id, i.eventType, i.referralId, i.createdAt, i.readAt)).toList();
        return new InboxPage(items, page, size, query.count());
    }
}
