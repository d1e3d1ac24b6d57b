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
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.json.NulFreeStrings;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.Pathway;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.routing.PartnerCard;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.service.PartnerService.PartnerData;
import nl.zorgpad.pathway.service.PathwayService.PathwayHistory;
import nl.zorgpad.pathway.service.RegionService.RegionData;

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
    }

    /** What an import did, or would do. */
    public record Change(String kind, String id, String action) {
    }

    /** The outcome of an import. */
    public record ImportReport(boolean dryRun, boolean applied, List<Change> changes) {
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
    private final PathwayValidator pathwayValidator;
    private final Validator validator;

    public ExchangeService(CurrentCaller caller, RegionService regions, PartnerService partners,
                           PathwayService pathways, PathwayValidator pathwayValidator, Validator validator) {
        this.caller = caller;
        this.regions = regions;
        this.partners = partners;
        this.pathways = pathways;
        this.pathwayValidator = pathwayValidator;
        this.validator = validator;
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
                throw Invalid.field("body", "is empty");
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

    /** Validates the whole document against the region as it would be afterwards; lists the changes. */
    private List<Change> plan(String regionId, ExchangeDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        if (!FORMAT.equals(doc.format())) {
            errors.add(new FieldError("format", "must be " + FORMAT));
        }
        if (doc.regionId() != null && !doc.regionId().equals(regionId)) {
            errors.add(new FieldError("regionId", "is " + doc.regionId() + ", not the region imported into"));
        }
        if (doc.region() == null) {
            throw Invalid.field("region", "is required");
        }
        errors.addAll(violations("region", doc.region()));
        errors.addAll(prefix("region.", regions.check(regionId, doc.region())));
        Region current = Region.findById(regionId);
        if (current == null || !current.name.equals(doc.region().name())
                || !current.municipalities.equals(doc.region().municipalities())) {
            changes.add(new Change("region", regionId, current == null ? "created" : "updated"));
        }

        Map<String, PartnerCard> cards = new HashMap<>();
        Partner.<Partner>list("regionId", regionId).forEach(p -> cards.put(p.id, p.card()));
        List<PartnerData> partnerList = doc.partners() == null ? List.of() : doc.partners();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < partnerList.size(); i++) {
            PartnerData data = partnerList.get(i);
            String at = "partners[" + i + "]";
            List<FieldError> found = new ArrayList<>(violations(at, data));
            if (data.id() == null) {
                found.add(new FieldError(at + ".id", "is required"));
            } else if (!seen.add(data.id())) {
                found.add(new FieldError(at + ".id", "is listed twice"));
            }
            if (doc.region().municipalities() != null && data.contactPoints() != null) {
                found.addAll(prefix(at + ".", PartnerService.check(regionId, doc.region().municipalities(), data)));
            }
            errors.addAll(found);
            if (!found.isEmpty()) {
                continue;
            }
            Partner existing = Partner.findById(data.id());
            if (existing != null && !existing.regionId.equals(regionId)) {
                errors.add(new FieldError(at + ".id", "is taken by another region's partner"));
                continue;
            }
            if (existing == null) {
                changes.add(new Change("partner", data.id(), "created"));
            } else if (!PartnerService.data(existing).equals(normalised(data))) {
                changes.add(new Change("partner", data.id(), "updated"));
            }
            cards.put(data.id(), new PartnerCard(data.id(), regionId, data.name(), data.kind(), data.contactPoints(),
                    data.municipalities(), data.postcodes(),
                    nl.zorgpad.pathway.routing.CapacityStatus.of(data.capacity().status()),
                    data.capacity().waitlistWeeks(), data.active() == null || data.active()));
        }
        // Partners the document leaves out are deactivated, not deleted: published pathway versions and referrals
        // cite them. Rules of the document that still target them are refused like rules on any inactive partner.
        for (PartnerCard card : List.copyOf(cards.values())) {
            if (!seen.contains(card.id()) && card.active()) {
                changes.add(new Change("partner", card.id(), DEACTIVATED));
                cards.put(card.id(), new PartnerCard(card.id(), card.regionId(), card.name(), card.kind(),
                        card.contactPoints(), card.municipalities(), card.postcodes(), card.capacityStatus(),
                        card.waitlistWeeks(), false));
            }
        }

        List<PathwayDocument> pathwayList = doc.pathways() == null ? List.of() : doc.pathways();
        Set<String> signals = new HashSet<>();
        for (int i = 0; i < pathwayList.size(); i++) {
            PathwayDocument pathway = pathwayList.get(i);
            String at = "pathways[" + i + "]";
            SignalType type = pathway.signalType() == null ? null : SignalType.findById(pathway.signalType());
            if (type == null || (type.regionId != null && !type.regionId.equals(regionId))) {
                errors.add(new FieldError(at + ".signalType", "unknown signal type " + pathway.signalType()));
                continue;
            }
            if (!signals.add(pathway.signalType())) {
                errors.add(new FieldError(at + ".signalType", "is listed twice"));
                continue;
            }
            Optional<PathwayHistory> history = Pathway.<Pathway>find("regionId = ?1 and signalType = ?2", regionId,
                    pathway.signalType()).firstResultOptional().map(p -> pathways.get(regionId, p.id));
            String id = history.map(h -> h.pathway().id).orElse(pathway.signalType());
            if (history.isEmpty()) {
                changes.add(new Change("pathway", pathway.signalType(), "created"));
            }
            // The latest published version or retirement: a new publication must take effect after it.
            Optional<PathwayVersion> issued = history.flatMap(PathwayHistory::latestIssued);
            if (pathway.published() != null) {
                PublishedDocument published = pathway.published();
                List<RouteRule> rules = published.rules() == null ? List.of() : published.rules();
                errors.addAll(rulesErrors(at + ".published.", regionId, doc, rules, cards));
                if (rules.isEmpty()) {
                    errors.add(new FieldError(at + ".published.rules", "a published pathway needs at least one rule"));
                }
                boolean same = issued.isPresent() && !issued.get().isRetirement() && issued.get().rules.equals(rules)
                        && issued.get().effectiveFrom.equals(published.effectiveFrom());
                if (published.effectiveFrom() == null) {
                    errors.add(new FieldError(at + ".published.effectiveFrom", "is required"));
                } else if (!same) {
                    if (issued.isPresent() && !issued.get().effectiveFrom.isBefore(published.effectiveFrom())) {
                        errors.add(new FieldError(at + ".published.effectiveFrom", "overlaps version "
                                + issued.get().version + (issued.get().isRetirement() ? " (retirement)" : "")
                                + ", effective from " + issued.get().effectiveFrom));
                    }
                    changes.add(new Change("pathway", id, "published"));
                }
            } else if (issued.isPresent() && !issued.get().isRetirement()) {
                changes.add(new Change("pathway", id, RETIRED));
            }
            Optional<PathwayVersion> draft = history.flatMap(PathwayHistory::draft);
            if (pathway.draft() != null) {
                errors.addAll(rulesErrors(at + ".draft.", regionId, doc, pathway.draft(), cards));
                if (draft.isEmpty() || !draft.get().rules.equals(pathway.draft())) {
                    changes.add(new Change("pathway", id, "draft-saved"));
                }
            } else if (draft.isPresent() && !changes.contains(new Change("pathway", id, "published"))) {
                // (A publication from the document takes the open draft's place, so only otherwise is it discarded.)
                changes.add(new Change("pathway", id, issued.isEmpty() ? REMOVED : DRAFT_DISCARDED));
            }
        }
        // Pathways the document leaves out: a draft is discarded (a pathway that was only ever a draft is removed),
        // a published pathway is retired from today: its versions stay readable, resolution stops using them.
        for (Pathway stored : Pathway.<Pathway>list("regionId = ?1 order by signalType", regionId)) {
            if (signals.contains(stored.signalType)) {
                continue;
            }
            PathwayHistory history = pathways.get(regionId, stored.id);
            if (history.latestIssued().isEmpty()) {
                changes.add(new Change("pathway", stored.id, REMOVED));
                continue;
            }
            if (history.retirement().isEmpty()) {
                changes.add(new Change("pathway", stored.id, RETIRED));
            }
            if (history.draft().isPresent()) {
                changes.add(new Change("pathway", stored.id, DRAFT_DISCARDED));
            }
        }
        if (!errors.isEmpty()) {
            throw Invalid.fields("The document has " + errors.size() + " invalid field(s); nothing was"
                    + " imported", errors);
        }
        return changes;
    }

    private List<FieldError> rulesErrors(String at, String regionId, ExchangeDocument doc, List<RouteRule> rules,
                                         Map<String, PartnerCard> cards) {
        List<FieldError> errors = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            errors.addAll(violations(at + "rules[" + r + "]", rules.get(r)));
        }
        if (errors.isEmpty()) {
            errors.addAll(prefix(at, pathwayValidator.check(regionId, doc.region().municipalities(), rules,
                    cards::get)));
        }
        return errors;
    }

    private void apply(String regionId, ExchangeDocument doc, List<Change> changes) {
        if (changes.stream().anyMatch(c -> c.kind().equals("region"))) {
            regions.put(regionId, doc.region());
        }
        for (PartnerData data : doc.partners() == null ? List.<PartnerData>of() : doc.partners()) {
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
        LocalDate today = LocalDate.now(RouteService.ZONE);
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
        for (PathwayDocument pathway : doc.pathways() == null ? List.<PathwayDocument>of() : doc.pathways()) {
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

    private static PartnerData normalised(PartnerData data) {
        return new PartnerData(data.id(), data.name(), data.kind(), List.copyOf(data.contactPoints()),
                data.municipalities() == null ? List.of() : List.copyOf(data.municipalities()),
                data.postcodes() == null ? List.of() : List.copyOf(data.postcodes()),
                data.languages() == null ? List.of() : List.copyOf(data.languages()), data.interpreterSupport(),
                new PartnerService.Capacity(data.capacity().status(),
                        "waitlist".equals(data.capacity().status()) ? data.capacity().waitlistWeeks() : null),
                data.active() == null || data.active());
    }

    private <T> List<FieldError> violations(String at, T value) {
        if (value == null) {
            return List.of(new FieldError(at, "is required"));
        }
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<T> violation : validator.validate(value)) {
            String path = violation.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "");
            errors.add(new FieldError(path.isEmpty() ? at : at + "." + path, violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::field));
        return errors;
    }

    private static List<FieldError> prefix(String at, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(at + e.field(), e.message())).toList();
    }
}
