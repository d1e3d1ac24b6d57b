package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.console.client.Pathways.SignalType;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions.NewPathway;
import nl.zorgpad.console.client.Regions.Pathway;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The pathways of the coordinator's region with their versions (in force, draft, retired), and the signals that
 * have none yet, each with a button that starts one as an empty draft.
 */
@Path("/regio/zorgpaden")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class RegionPathwaysPage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /** The pathways by signal name, the signals without one, and the last refusal to start one. */
    public record Screen(List<Pathway> pathways, List<SignalType> withoutPathway, String problemSlug,
                         int problemStatus) {

        public boolean hasProblem() {
            return problemStatus != 0;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pathways(Screen screen);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final SignalNames signals;
    private final Pages pages;

    RegionPathwaysPage(@RestClient RegionApi regions, ConsoleUser user, SignalNames signals, Pages pages) {
        this.regions = regions;
        this.user = user;
        this.signals = signals;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return pages.show(Templates.pathways(screen("", 0)));
    }

    /** Starts a pathway for a signal without one: an empty draft version 1, opened in the rule editor. */
    @POST
    @Produces(MediaType.TEXT_HTML)
    public Response start(@RestForm String signalType) {
        try {
            Pathway pathway = regions.startPathway(user.getOrganisation(), new NewPathway(signalType, List.of()));
            return Response.seeOther(URI.create("/regio/zorgpaden/" + pathway.id() + "?gedaan=gestart")).build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            int code = problem.status() >= 500 ? 503 : problem.status();
            return Response.status(code).type(HTML)
                    .entity(pages.show(Templates.pathways(screen(problem.slug(), problem.status())))).build();
        }
    }

    private Screen screen(String problemSlug, int problemStatus) {
        Comparator<String> byName = Comparator.comparing(code -> signals.label(code).toLowerCase());
        List<Pathway> pathways = regions.pathways(user.getOrganisation()).stream()
                .sorted(Comparator.comparing(Pathway::signalType, byName)).toList();
        Set<String> covered = pathways.stream().map(Pathway::signalType).collect(Collectors.toSet());
        List<SignalType> without = signals.getAll().stream().filter(s -> !covered.contains(s.code()))
                .sorted(Comparator.comparing(SignalType::code, byName)).toList();
        return new Screen(pathways, without, problemSlug, problemStatus);
    }
}
