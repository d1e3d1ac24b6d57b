package nl.zorgpad.pathway.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Pathway;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.service.PartnerService.PartnerData;
import nl.zorgpad.pathway.service.RegionService.RegionData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A region's partners and pathways as one YAML document. Import validates the whole document first, then applies
 * it in one transaction (all or nothing); a dry run reports what would change and changes nothing.
 */
@ApplicationScoped
public class ExchangeService {

    public static final String FORMAT = "zorgpad-pathways/1";

    /** The whole document. */
    public record ExchangeDocument(String format, String regionId, RegionData region, List<PartnerData> partners,
                                   List<PathwayDocument> pathways) {
    }

    /** One pathway: the version in force (if any) and the open draft (if any). */
    public record PathwayDocument(String signalType, PublishedDocument published, List<RouteRule> draft) {
    }

    /** A published version; {@code version} is informational on import. */
    public record PublishedDocument(Integer version, LocalDate effectiveFrom, List<RouteRule> rules) {

        /** True when {@code issued} is this very publication (same date, same rules): importing it changes nothing. */
        boolean isIssuedAs(Optional<PathwayVersion> issued) {
            List<RouteRule> ruleList = rules == null ? List.of() : rules;
            return issued.isPresent() && !issued.get().isRetirement() && issued.get().rules.equals(ruleList)
                    && issued.get().effectiveFrom.equals(effectiveFrom);
        }
    }

    /** What an import did, or would do. */
    public record Change(
            @Schema(description = "What changed",
                    examples = "partner",
                    required = true,
                    enumeration = {"region", "partner", "pathway"})
            String kind,
            @Schema(description = "Its id; for a new pathway, its signal type",
                    examples = "partner-wijkteam-smallingerland", required = true)
            String id,
            @Schema(description = "What happens to it",
                    examples = "updated",
                    required = true,
                    enumeration = {"created", "updated", "deactivated", "published", "retired", "draft-saved",
                            "draft-discarded", "removed"})
            String action) {
    }

    /** The outcome of an import. */
    public record ImportReport(
            @Schema(description = "True when only asked what would change", examples = "true", required = true)
            boolean dryRun,
            @Schema(description = "True when the changes were made; false on a dry run", examples = "false",
                    required = true)
            boolean applied,
            @Schema(description = "What changed, or would change", required = true)
            List<Change> changes) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS))
            .registerModule(new JavaTimeModule())
            .registerModule(NulFreeStrings.module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    static final String DEACTIVATED = "deactivated";
    static final String RETIRED = "retired";
    static final String DRAFT_DISCARDED = "draft-discarded";
    static final String REMOVED = "removed";

    private final CurrentCaller caller;
    private final RegionService regions;
    private final PartnerService partners;
    private final PathwayService pathways;
    private final ImportValidation validation;
    private final ImportDiff diff;
    private final ZoneId zone;

    public ExchangeService(CurrentCaller caller, RegionService regions, PartnerService partners,
                           PathwayService pathways, ImportValidation validation, ImportDiff diff, ZoneId zone) {
        this.caller = caller;
        this.regions = regions;
        this.partners = partners;
        this.pathways = pathways;
        this.validation = validation;
        this.diff = diff;
        this.zone = zone;
    }

    @Transactional
    public String export(String regionId) {
        Region region = regions.get(regionId);
        List<PartnerData> partnerData = partners.list(regionId).stream().map(PartnerService::data).toList();
        // A retired pathway is not part of the region any more: only its open draft (if any) is exported.
        List<PathwayDocument> pathwayData = pathways.list(regionId).stream().map(history -> new PathwayDocument(
                history.pathway().signalType,
                history.retirement().isPresent() ? null : history.latestPublished().map(v -> new PublishedDocument(
                        v.version, v.effectiveFrom, List.copyOf(v.rules))).orElse(null),
                history.draft().map(v -> (List<RouteRule>) List.copyOf(v.rules)).orElse(null)))
                .filter(document -> document.published() != null || document.draft() != null).toList();
        ExchangeDocument document = new ExchangeDocument(FORMAT, regionId,
                new RegionData(region.name, List.copyOf(region.municipalities)), partnerData, pathwayData);
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Export cannot be written", e);
        }
    }

    public ImportReport importDocument(String regionId, String yaml, boolean dryRun) {
        OwnRegion.require(caller.get(), regionId);
        ExchangeDocument document = parse(yaml);
        if (dryRun) {
            return QuarkusTransaction.requiringNew().call(() -> new ImportReport(true, false,
                    plan(regionId, document)));
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Change> changes = plan(regionId, document);
            apply(regionId, document, changes);
            return new ImportReport(false, true, changes);
        });
    }

    private static ExchangeDocument parse(String yaml) {
        try {
            ExchangeDocument document = YAML.readValue(yaml == null ? "" : yaml, ExchangeDocument.class);
            if (document == null) {
                throw ProblemException.invalid("body", "is empty");
            }
            return document;
        } catch (NulFreeStrings.Refused e) {
            throw new ProblemException(ProblemType.UNREADABLE, "The document's " + e.field() + " "
                    + NulFreeStrings.MESSAGE, List.of(new FieldError(e.field(), NulFreeStrings.MESSAGE)), Map.of());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ProblemException(ProblemType.UNREADABLE, "The document is not valid YAML of format "
                    + FORMAT + where, List.of(new FieldError("body", "cannot be read" + where)), Map.of());
        }
    }

    /**
     * Validates the whole document against the region as it would be afterwards (422 listing every error), then
     * lists the changes it makes.
     */
    private List<Change> plan(String regionId, ExchangeDocument doc) {
        List<FieldError> errors = validation.errors(regionId, doc);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The document has " + errors.size() + " invalid field(s); nothing was imported",
                    errors);
        }
        return diff.changes(regionId, doc);
    }

    private void apply(String regionId, ExchangeDocument doc, List<Change> changes) {
        if (changes.stream().anyMatch(c -> c.kind().equals("region"))) {
            regions.put(regionId, doc.region());
        }
        for (PartnerData data : partners(doc)) {
            if (changes.contains(new Change("partner", data.id(), "created"))) {
                partners.create(regionId, data);
            } else if (changes.contains(new Change("partner", data.id(), "updated"))) {
                partners.update(regionId, data.id(), data, null);
            }
        }
        for (Change change : changes) {
            if (change.kind().equals("partner") && change.action().equals(DEACTIVATED)) {
                partners.deactivate(regionId, change.id());
            }
        }
        // Retirements, discarded drafts and removed pathways first; then what the document creates or changes.
        LocalDate today = LocalDate.now(zone);
        for (Change change : changes) {
            if (!change.kind().equals("pathway")) {
                continue;
            }
            switch (change.action()) {
                case RETIRED -> pathways.retire(regionId, change.id(), today);
                case DRAFT_DISCARDED -> pathways.discardDraft(regionId, change.id());
                case REMOVED -> pathways.deleteUnpublished(regionId, change.id());
                default -> {
                }
            }
        }
        for (PathwayDocument pathway : pathways(doc)) {
            Optional<Pathway> existing = Pathway.find("regionId = ?1 and signalType = ?2", regionId,
                    pathway.signalType()).firstResultOptional();
            String id;
            if (existing.isEmpty()) {
                List<RouteRule> first = pathway.published() != null ? pathway.published().rules() : pathway.draft();
                id = pathways.create(regionId, new PathwayService.NewPathway(pathway.signalType(),
                        first == null ? List.of() : first)).pathway().id;
                if (pathway.published() != null) {
                    pathways.publish(regionId, id, 1, new PathwayService.Publication(
                            pathway.published().effectiveFrom()));
                }
            } else {
                id = existing.get().id;
                if (changes.contains(new Change("pathway", id, "published"))) {
                    PathwayVersion draft = pathways.saveDraft(regionId, id,
                            new PathwayService.DraftRules(pathway.published().rules()));
                    pathways.publish(regionId, id, draft.version,
                            new PathwayService.Publication(pathway.published().effectiveFrom()));
                }
            }
            boolean draftChange = changes.contains(new Change("pathway", id, "draft-saved"))
                    || changes.contains(new Change("pathway", pathway.signalType(), "draft-saved"));
            if (pathway.draft() != null && draftChange && !(existing.isEmpty() && pathway.published() == null)) {
                pathways.saveDraft(regionId, id, new PathwayService.DraftRules(pathway.draft()));
            }
        }
    }

    static List<PartnerData> partners(ExchangeDocument doc) {
        return doc.partners() == null ? List.of() : doc.partners();
    }

    static List<PathwayDocument> pathways(ExchangeDocument doc) {
        return doc.pathways() == null ? List.of() : doc.pathways();
    }
}
