package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions.Coverage;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The VSV coordinator's start page: the white spots of her region (her token's {@code org_id}) as a table of
 * signals x municipalities x phases, each gap explained in words below it, and the partners whose capacity nobody
 * confirmed lately.
 */
@Path("/regio")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class RegionPage {

    public record Screen(Coverage coverage, RegionCoverageMatrix matrix) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coverage(Screen screen);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final SignalNames signals;
    private final Pages pages;

    RegionPage(@RestClient RegionApi regions, ConsoleUser user, SignalNames signals, Pages pages) {
        this.regions = regions;
        this.user = user;
        this.signals = signals;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        Coverage coverage = regions.coverage(user.getOrganisation());
        return pages.show(Templates.coverage(new Screen(coverage, RegionCoverageMatrix.of(coverage, signals::label))));
    }
}
