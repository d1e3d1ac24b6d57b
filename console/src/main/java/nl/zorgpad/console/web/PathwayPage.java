package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions.DraftRules;
import nl.zorgpad.console.client.Regions.Partner;
import nl.zorgpad.console.client.Regions.Pathway;
import nl.zorgpad.console.client.Regions.Publication;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.Rule;
import nl.zorgpad.console.client.Regions.Version;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

/**
 * One pathway of the region: its versions, the rules of the latest published one, and the rule editor of its
 * draft (conditions, partner and contact point, instruction, response times per rule; add, remove, reorder). Saving
 * sends the rules to pathway-service as the draft; its refusals come back next to the rule they name, with the
 * rows as typed. The draft is published from a date; without a draft, one is opened from the published rules.
 */
@Path("/regio/zorgpaden/{pathwayId}")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class PathwayPage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /**
     * @param published the latest published version (null when none)
     * @param editor    the draft's rule editor (null when the pathway has no draft)
     * @param done      what the last action did: {@code gestart}, {@code opgeslagen}, {@code gepubliceerd},
     *                  {@code concept}
     */
    public record Screen(Pathway pathway, Region region, List<Partner> partners, Version published,
                         PathwayEditor editor, PublishForm publish, String problemSlug, int problemStatus,
                         String done) {

        public boolean hasProblem() {
            return problemStatus != 0;
        }

        /** Municipality names by CBS code, for rules in words. */
        public Map<String, String> getNames() {
            Map<String, String> names = new LinkedHashMap<>();
            region.municipalities().forEach(m -> names.put(m.code(), m.name()));
            return names;
        }

        /** Municipalities a rule names that the region does not list (kept, so saving does not drop them). */
        public List<String> outside(PathwayRuleRow row) {
            return row.municipalities().stream().filter(code -> region.municipality(code).isEmpty()).toList();
        }

        /** Whether the row's partner choice is one of the select's options (else it is shown as it is). */
        public boolean offers(PathwayRuleRow row) {
            return row.target().isEmpty() || partners.stream().anyMatch(p -> p.id().equals(row.partnerId())
                    && (row.contactPointId().isEmpty() || p.contactPoints().stream()
                    .anyMatch(c -> row.contactPointId().equals(c.id()))));
        }

        public String partnerName(String partnerId) {
            return partners.stream().filter(p -> p.id().equals(partnerId)).map(Partner::name).findFirst()
                    .orElse(partnerId);
        }

        /** The contact point's name, or the partner's first one when the rule names none. */
        public String contactName(String partnerId, String contactPointId) {
            return partners.stream().filter(p -> p.id().equals(partnerId)).findFirst()
                    .flatMap(p -> p.contactPoint(contactPointId)).map(c -> c.name()).orElse("");
        }
    }

    /** The publication form: the date as typed and what the service said about the date. */
    public record PublishForm(String effectiveFrom, List<PathwayRuleErrors.RuleError> errors) {

        public boolean hasError() {
            return !errors.isEmpty();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pathway(Screen screen);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final Pages pages;

    PathwayPage(@RestClient RegionApi regions, ConsoleUser user, Pages pages) {
        this.regions = regions;
        this.user = user;
        this.pages = pages;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestPath String pathwayId, @QueryParam("gedaan") String done) {
        return render(pathwayId, null, null, "", 0, done == null ? "" : done);
    }

    /**
     * The rule editor's buttons: "add", "remove", "up" and "down" change the rows on the page only; "save" (and
     * Enter) sends them all as the draft's rules.
     */
    @POST
    @Path("/concept")
    @Produces(MediaType.TEXT_HTML)
    public Response editDraft(@RestPath String pathwayId, @BeanParam PathwayDraftForm form) {
        List<PathwayRuleRow> rows = form.rows();
        if (!PathwayEditor.saves(form.action)) {
            return Response.ok(render(pathwayId, PathwayEditor.change(rows, form.action), null, "", 0, ""))
                    .type(HTML).build();
        }
        PathwayEditor.Converted converted = PathwayEditor.convert(rows);
        if (!converted.isValid()) {
            return Response.status(422).type(HTML).entity(render(pathwayId,
                    PathwayEditor.typed(rows, converted.errors()), null, "invalid", 422, "")).build();
        }
        String regionId = user.getOrganisation();
        try {
            regions.saveDraft(regionId, pathwayId, converted.draft());
            return Response.seeOther(URI.create("/regio/zorgpaden/" + pathwayId + "?gedaan=opgeslagen#draft"))
                    .build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            Region region = regions.region(regionId);
            PathwayEditor editor = PathwayEditor.typed(rows, PathwayRuleErrors.of(problem,
                    region::municipalityName));
            return refused(problem, render(pathwayId, editor, null, problem.slug(), problem.status(), ""));
        }
    }

    /** Opens a draft with the rules of the latest published version, to change them. */
    @POST
    @Path("/concept/nieuw")
    @Produces(MediaType.TEXT_HTML)
    public Response openDraft(@RestPath String pathwayId) {
        String regionId = user.getOrganisation();
        Pathway pathway = regions.pathway(regionId, pathwayId);
        if (!pathway.hasDraft()) {
            List<Rule> rules = pathway.publishedVersion() == null ? List.of()
                    : regions.version(regionId, pathwayId, pathway.publishedVersion()).rules();
            try {
                regions.saveDraft(regionId, pathwayId, new DraftRules(rules));
            } catch (ServiceProblem problem) {
                if (problem.status() == 404 || problem.status() == 403) {
                    throw problem;
                }
                // The published rules no longer pass (a partner left the region): open the editor on them anyway,
                // with the service's messages, so they can be mended and saved as the new draft.
                Region region = regions.region(regionId);
                PathwayEditor editor = PathwayEditor.typed(rules.stream().map(PathwayRuleRow::of).toList(),
                        PathwayRuleErrors.of(problem, region::municipalityName));
                return refused(problem, render(pathwayId, editor, null, problem.slug(), problem.status(), ""));
            }
        }
        return Response.seeOther(URI.create("/regio/zorgpaden/" + pathwayId + "?gedaan=concept#draft")).build();
    }

    /** Publishes the draft from a date on; the service checks the rules once more and the date against others. */
    @POST
    @Path("/publiceren")
    @Produces(MediaType.TEXT_HTML)
    public Response publish(@RestPath String pathwayId, @RestForm int version, @RestForm String effectiveFrom) {
        String regionId = user.getOrganisation();
        String typed = effectiveFrom == null ? "" : effectiveFrom.strip();
        LocalDate date = date(typed);
        if (date == null) {
            PublishForm form = new PublishForm(typed, List.of(new PathwayRuleErrors.RuleError("effectiveFrom",
                    "date-missing", "", "")));
            return Response.status(422).type(HTML)
                    .entity(render(pathwayId, null, form, "", 422, "")).build();
        }
        try {
            regions.publish(regionId, pathwayId, version, new Publication(date));
            return Response.seeOther(URI.create("/regio/zorgpaden/" + pathwayId + "?gedaan=gepubliceerd")).build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            Region region = regions.region(regionId);
            PathwayRuleErrors errors = PathwayRuleErrors.of(problem, region::municipalityName);
            PublishForm form = new PublishForm(typed, errors.general().stream()
                    .filter(e -> e.group().equals("effectiveFrom")).toList());
            Pathway pathway = regions.pathway(regionId, pathwayId);
            PathwayEditor editor = pathway.hasDraft() ? PathwayEditor.typed(regions.version(regionId, pathwayId,
                    pathway.draftVersion()).rules().stream().map(PathwayRuleRow::of).toList(), errors) : null;
            return refused(problem, render(pathwayId, editor, form, problem.slug(), problem.status(), ""));
        }
    }

    private TemplateInstance render(String pathwayId, PathwayEditor editor, PublishForm publish, String problemSlug,
                                    int problemStatus, String done) {
        String regionId = user.getOrganisation();
        Pathway pathway = regions.pathway(regionId, pathwayId);
        Region region = regions.region(regionId);
        List<Partner> partners = regions.partners(regionId);
        Version published = pathway.publishedVersion() == null ? null
                : regions.version(regionId, pathwayId, pathway.publishedVersion());
        PathwayEditor shown = editor;
        if (shown == null && pathway.hasDraft()) {
            shown = PathwayEditor.of(regions.version(regionId, pathwayId, pathway.draftVersion()));
        }
        if (shown != null && !pathway.hasDraft() && problemStatus == 0) {
            shown = null;
        }
        PublishForm form = publish != null ? publish
                : new PublishForm(LocalDate.now(Formats.zone()).toString(), List.of());
        return pages.show(Templates.pathway(new Screen(pathway, region, partners, published, shown, form,
                problemSlug, problemStatus, done)));
    }

    private static Response refused(ServiceProblem problem, TemplateInstance page) {
        int code = problem.status() >= 500 ? 503 : problem.status();
        return Response.status(code).type(HTML).entity(page).build();
    }

    private static LocalDate date(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
