package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions.Capacity;
import nl.zorgpad.console.client.Regions.Partner;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.StalePartner;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * The partners of the coordinator's region, each with a small form to confirm its capacity (open, waiting list with
 * weeks, closed) in one go. With htmx the form swaps only its partner's card; as a plain form post it comes back to
 * this page. A refusal shows the service's reason at the partner, with the choice as it was made.
 */
@Path("/regio/partners")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class RegionPartnersPage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    public record Screen(Region region, List<PartnerRow> rows, int staleAfterDays) {
    }

    /**
     * One partner's card: the partner as stored, whether its capacity needs confirming, the capacity form's values
     * (as chosen, after a refusal) and the outcome of the last confirmation.
     */
    public record PartnerRow(Partner partner, String areaNames, boolean stale, String status, String weeks,
                             boolean done, String problemSlug, int problemStatus, Map<String, String> errors) {

        static PartnerRow of(Partner partner, String areaNames, boolean stale, boolean done) {
            return new PartnerRow(partner, areaNames, stale, partner.capacityStatus(),
                    partner.waitlistWeeks() == null ? "" : partner.waitlistWeeks().toString(), done, "", 0, Map.of());
        }

        public boolean hasProblem() {
            return problemStatus != 0;
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public boolean isWaitlist() {
            return "waitlist".equals(partner.capacityStatus());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partners(Screen screen);

        static native TemplateInstance partners$row(PartnerRow row);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final Pages pages;

    RegionPartnersPage(@RestClient RegionApi regions, ConsoleUser user, Pages pages) {
        this.regions = regions;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@QueryParam("gedaan") String done) {
        return pages.show(Templates.partners(screen(done == null ? "" : done, null)));
    }

    /** Confirms a partner's capacity now (also unchanged: that tells the region it is still true). */
    @POST
    @Path("/{partnerId}/capaciteit")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@RestPath String partnerId, @RestForm String status, @RestForm String waitlistWeeks,
                            @HeaderParam("HX-Request") String htmx) {
        boolean fragment = "true".equals(htmx);
        String chosen = status == null || status.isBlank() ? null : status.strip();
        String weeks = waitlistWeeks == null ? "" : waitlistWeeks.strip();
        PartnerRow refused;
        Integer waitlist = "waitlist".equals(chosen) ? wholeNumber(weeks) : null;
        if ("waitlist".equals(chosen) && !weeks.isEmpty() && waitlist == null) {
            refused = new PartnerRow(null, "", false, orEmpty(chosen), weeks, false, "", 400,
                    Map.of("waitlistWeeks", "not-a-number"));
        } else {
            try {
                Partner partner = regions.confirmCapacity(user.getOrganisation(), partnerId,
                        new Capacity(chosen, waitlist));
                if (!fragment) {
                    return Response.seeOther(URI.create("/regio/partners?gedaan=" + partner.id() + "#partner-"
                            + partner.id())).build();
                }
                Region region = regions.region(user.getOrganisation());
                return Response.ok(pages.show(Templates.partners$row(PartnerRow.of(partner,
                        areaNames(region, partner), false, true)))).type(HTML).build();
            } catch (ServiceProblem problem) {
                if (problem.status() == 404 || problem.status() == 403) {
                    throw problem;
                }
                Map<String, String> errors = new LinkedHashMap<>();
                problem.errors().forEach(e -> errors.put(e.field(), e.message()));
                refused = new PartnerRow(null, "", false, orEmpty(chosen), weeks, false, problem.slug(),
                        problem.status(), errors);
            }
        }
        if (fragment) {
            // htmx swaps only 2xx answers: the card with the message comes back as 200.
            PartnerRow row = withRefusal(find(screen("", null), partnerId), refused);
            return Response.ok(pages.show(Templates.partners$row(row))).type(HTML).build();
        }
        int code = refused.problemStatus() >= 500 ? 503 : refused.problemStatus();
        return Response.status(code).type(HTML)
                .entity(pages.show(Templates.partners(screen("", new Refusal(partnerId, refused))))).build();
    }

    private record Refusal(String partnerId, PartnerRow row) {
    }

    private Screen screen(String done, Refusal refusal) {
        String regionId = user.getOrganisation();
        Region region = regions.region(regionId);
        var coverage = regions.coverage(regionId);
        Set<String> stale = coverage.staleCapacity().stream().map(StalePartner::partnerId)
                .collect(Collectors.toSet());
        List<PartnerRow> rows = regions.partners(regionId).stream().map(p -> {
            PartnerRow row = PartnerRow.of(p, areaNames(region, p), stale.contains(p.id()), p.id().equals(done));
            return refusal != null && refusal.partnerId().equals(p.id()) ? withRefusal(row, refusal.row()) : row;
        }).toList();
        return new Screen(region, rows, coverage.staleAfterDays());
    }

    private static PartnerRow find(Screen screen, String partnerId) {
        return screen.rows().stream().filter(r -> r.partner().id().equals(partnerId)).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "not-found", "", List.of(), Map.of()));
    }

    private static PartnerRow withRefusal(PartnerRow row, PartnerRow refused) {
        return new PartnerRow(row.partner(), row.areaNames(), row.stale(), refused.status(), refused.weeks(), false,
                refused.problemSlug(), refused.problemStatus(), refused.errors());
    }

    /** The municipalities and PC4 areas a partner works in, by name; empty when it is the whole region. */
    static String areaNames(Region region, Partner partner) {
        List<String> names = new ArrayList<>(partner.municipalities().stream()
                .map(region::municipalityName).toList());
        names.addAll(partner.postcodes());
        return String.join(", ", names);
    }

    /** A whole number as typed, or null when it is none. */
    private static Integer wholeNumber(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
