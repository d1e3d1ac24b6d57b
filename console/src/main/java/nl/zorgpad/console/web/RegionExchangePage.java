package nl.zorgpad.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.RegionApi;
import nl.zorgpad.console.client.Regions;
import nl.zorgpad.console.client.Regions.Change;
import nl.zorgpad.console.client.Regions.ImportReport;
import nl.zorgpad.console.client.ServiceProblem;
import nl.zorgpad.console.security.ConsoleUser;
import nl.zorgpad.console.security.Role;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The region as one YAML document: download it, or bring one in. An import is always checked first (a dry run
 * that lists what would change and changes nothing); "toepassen" then sends the same document again, which the
 * service validates once more and applies all or nothing.
 */
@Path("/regio")
@RolesAllowed(Role.VSV_ADMIN_NAME)
public class RegionExchangePage {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    /**
     * The import screen: the text typed (kept after a refusal), the dry run's or the import's changes, the
     * document the dry run checked, carried to "toepassen", and the last refusal with its field errors.
     */
    public record Screen(String typed, ImportReport report, String checked, String problemSlug,
                         int problemStatus, List<ServiceProblem.FieldError> errors, Map<String, String> names) {

        static Screen empty() {
            return new Screen("", null, "", "", 0, List.of(), Map.of());
        }

        /** What a change is about, by name: a partner's name, a pathway's signal; else its id. */
        public String nameOf(Change change) {
            return names.getOrDefault(change.kind() + "/" + change.id(), change.id());
        }

        public boolean hasProblem() {
            return problemStatus != 0;
        }

        public boolean isChecked() {
            return report != null && report.dryRun();
        }

        public boolean isApplied() {
            return report != null && report.applied();
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exchange(Screen screen);
    }

    private final RegionApi regions;
    private final ConsoleUser user;
    private final SignalNames signals;
    private final Pages pages;

    RegionExchangePage(@RestClient RegionApi regions, ConsoleUser user, SignalNames signals,
                       Pages pages) {
        this.regions = regions;
        this.user = user;
        this.signals = signals;
        this.pages = pages;
    }

    /** The region's document as a file: partners, pathways in force and open drafts. */
    @GET
    @Path("/export")
    @Produces(Regions.YAML)
    public Response export() {
        String regionId = user.getOrganisation();
        String document = regions.export(regionId);
        String name = "zorgpad-" + regionId.replaceAll("[^A-Za-z0-9-]", "") + "-"
                + LocalDate.now(Formats.zone()) + ".yaml";
        return Response.ok(document, Regions.YAML + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("/import")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form() {
        return pages.show(Templates.exchange(Screen.empty()));
    }

    /** Checks an uploaded or pasted document (a file wins over the text box): what would change. */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response check(@RestForm("file") FileUpload file, @RestForm String document) {
        String typed = document == null ? "" : document;
        String chosen;
        try {
            chosen = file != null && file.size() > 0 ? read(file) : typed;
        } catch (IOException e) {
            return refusal(typed, "unreadable-file", 400, List.of());
        }
        if (chosen.isBlank()) {
            return refusal(typed, "empty-document", 400, List.of());
        }
        try {
            ImportReport report = regions.importDocument(user.getOrganisation(), true, chosen);
            return Response.ok(pages.show(Templates.exchange(new Screen("", report,
                    chosen, "", 0, List.of(), names(report))))).type(HTML).build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            return refusal(typed, problem.slug(), problem.status(), problem.errors());
        }
    }

    /** Applies the document that the dry run checked. */
    @POST
    @Path("/import/toepassen")
    @Produces(MediaType.TEXT_HTML)
    public Response apply(@RestForm String document) {
        if (document == null || document.isBlank()) {
            return refusal("", "empty-document", 400, List.of());
        }
        try {
            ImportReport report = regions.importDocument(user.getOrganisation(), false, document);
            return Response.ok(pages.show(Templates.exchange(new Screen("", report, "", "", 0,
                    List.of(), names(report))))).type(HTML).build();
        } catch (ServiceProblem problem) {
            if (problem.status() == 404 || problem.status() == 403) {
                throw problem;
            }
            return refusal("", problem.slug(), problem.status(), problem.errors());
        }
    }

    private Response refusal(String typed, String slug, int status, List<ServiceProblem.FieldError> errors) {
        int code = status >= 500 ? 503 : status;
        return Response.status(code).type(HTML)
                .entity(pages.show(Templates.exchange(new Screen(typed, null, "", slug, status, errors,
                        Map.of()))))
                .build();
    }

    /**
     * Names for the changes: partners by name, pathways by their signal (a pathway the import creates is named by
     * its signal code already). Read after the import, so an applied one finds what it created.
     */
    private Map<String, String> names(ImportReport report) {
        if (report.changes().isEmpty()) {
            return Map.of();
        }
        String regionId = user.getOrganisation();
        Map<String, String> names = new HashMap<>();
        regions.partners(regionId).forEach(p -> names.put("partner/" + p.id(), p.name()));
        regions.pathways(regionId).forEach(p -> names.put("pathway/" + p.id(), signals.label(p.signalType())));
        report.changes().stream().filter(c -> "pathway".equals(c.kind()))
                .forEach(c -> names.putIfAbsent("pathway/" + c.id(), signals.label(c.id())));
        return names;
    }

    private static String read(FileUpload file) throws IOException {
        byte[] bytes = Files.readAllBytes(file.uploadedFile());
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8", e);
        }
    }
}
