package nl.zorgpad.referral.rest;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
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
import nl.zorgpad.referral.domain.Referral;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/referrals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals", description = "Warm handovers from midwife practices to partners")
public class ReferralResource {

    public record ReferralSummary(UUID id, String referringPracticeId, String partnerId, String status,
                                  Instant createdAt) {
    }

    public record ReferralPage(List<ReferralSummary> items, int page, int size, long total) {
    }

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({"midwife", "district-team"})
    @Operation(summary = "List the referrals of the caller's organisation")
    @APIResponse(responseCode = "200", description = "A page of referrals sent by (midwife) or addressed to "
            + "(district team) the caller's organisation")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "A role that may not read referrals")
    public ReferralPage list(@QueryParam("page") @DefaultValue("0") int page,
                             @QueryParam("size") @DefaultValue("20") int size) {
        String organisation = token.getClaim("org_id");
        String column = token.getGroups().contains("midwife") ? "referringPracticeId" : "partnerId";
        var query = Referral.<Referral>find(column + " = ?1", Sort.descending("createdAt"), organisation)
                .page(Page.of(page, size));
        List<ReferralSummary> items = query.list().stream()
                .map(r -> new ReferralSummary(r.id, r.referringPracticeId, r.partnerId, r.status, r.createdAt))
                .toList();
        return new ReferralPage(items, page, size, query.count());
    }
}
