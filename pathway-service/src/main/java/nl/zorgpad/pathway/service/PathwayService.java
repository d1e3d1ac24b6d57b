package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.commons.problem.ProblemType;
import nl.zorgpad.commons.security.CurrentCaller;
import nl.zorgpad.pathway.domain.Pathway;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.messaging.Outbox;
import nl.zorgpad.pathway.messaging.PathwayEventType;
import nl.zorgpad.pathway.routing.RouteRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Pathways of a region: a draft is edited until it is published with an effective-from date; editing a published
 * pathway opens a new draft version; published versions never change and stay readable.
 */
@ApplicationScoped
public class PathwayService {

    /** A new pathway for a signal type, starting as draft version 1. */
    public record NewPathway(
            @Schema(description = "The signal type the pathway routes, national or your region's own",
                    examples = "financial-debt")
            @NotBlank String signalType,
            @Schema(description = "The route rules of draft version 1, in order; none when left out")
            List<@NotNull @Valid RouteRule> rules) {
    }

    /** The rules of a draft. */
    public record DraftRules(
            @Schema(description = "The draft's route rules in order, the first match giving the primary route")
            @NotNull List<@NotNull @Valid RouteRule> rules) {
    }

    /** When a published version takes effect. */
    public record Publication(
            @Schema(description = "The date from which the version is in force", examples = "2026-12-01")
            @NotNull LocalDate effectiveFrom) {
    }

    /** A pathway with all its versions, oldest first. */
    public record PathwayHistory(Pathway pathway, List<PathwayVersion> versions) {
        /** The latest published version (it may be retired since, see {@link #retirement()}). */
        public Optional<PathwayVersion> latestPublished() {
            return versions.stream().filter(v -> PathwayVersion.PUBLISHED.equals(v.status)).reduce((a, b) -> b);
        }

        /** The latest version that is not a draft: a published version or a retirement. */
        public Optional<PathwayVersion> latestIssued() {
            return versions.stream().filter(v -> !v.isDraft()).reduce((a, b) -> b);
        }

        /** The retirement that ended the pathway, unless a version was published after it. */
        public Optional<PathwayVersion> retirement() {
            return latestIssued().filter(PathwayVersion::isRetirement);
        }

        public Optional<PathwayVersion> draft() {
            return versions.stream().filter(PathwayVersion::isDraft).findFirst();
        }
    }

    private final CurrentCaller caller;
    private final PathwayValidator validator;
    private final Outbox outbox;
    private final Event<ConfigurationChanged> changed;

    public PathwayService(CurrentCaller caller, PathwayValidator validator, Outbox outbox,
                          Event<ConfigurationChanged> changed) {
        this.caller = caller;
        this.validator = validator;
        this.outbox = outbox;
        this.changed = changed;
    }

    @Transactional
    public List<PathwayHistory> list(String regionId) {
        OwnRegion.require(caller.get(), regionId);
        return Pathway.<Pathway>list("regionId = ?1 order by signalType", regionId).stream()
                .map(this::history).toList();
    }

    @Transactional
    public PathwayHistory get(String regionId, String pathwayId) {
        return history(find(regionId, pathwayId));
    }

    /** The region's pathway for a signal type, if it has one. */
    @Transactional
    public Optional<PathwayHistory> forSignalType(String regionId, String signalType) {
        OwnRegion.require(caller.get(), regionId);
        return Pathway.<Pathway>find("regionId = ?1 and signalType = ?2", regionId, signalType).firstResultOptional()
                .map(this::history);
    }

    @Transactional
    public PathwayVersion version(String regionId, String pathwayId, int version) {
        Pathway pathway = find(regionId, pathwayId);
        PathwayVersion found = PathwayVersion.find("pathwayId = ?1 and version = ?2", pathway.id, version)
                .firstResult();
        if (found == null) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "Pathway " + pathwayId + " has no version " + version);
        }
        return found;
    }

    @Transactional
    public PathwayHistory create(String regionId, NewPathway request) {
        Region region = region(regionId);
        SignalType type = SignalType.findById(request.signalType());
        if (type == null || (type.regionId != null && !type.regionId.equals(regionId))) {
            throw ProblemException.invalid("signalType", "unknown signal type " + request.signalType());
        }
        if (Pathway.count("regionId = ?1 and signalType = ?2", regionId, request.signalType()) > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "Region " + regionId + " already has a pathway for"
                    + " signal " + request.signalType() + "; edit its draft instead");
        }
        List<RouteRule> rules = request.rules() == null ? List.of() : request.rules();
        validate(region, rules, false);
        Pathway pathway = new Pathway();
        pathway.id = "pw-" + UUID.randomUUID();
        pathway.regionId = regionId;
        pathway.signalType = request.signalType();
        pathway.createdAt = Instant.now();
        pathway.persist();
        newDraft(pathway, 1, rules);
        return history(pathway);
    }

    /** Replaces the rules of the open draft, or opens a new draft version after the latest one. */
    @Transactional
    public PathwayVersion saveDraft(String regionId, String pathwayId, DraftRules request) {
        Pathway pathway = find(regionId, pathwayId);
        validate(region(regionId), request.rules(), false);
        PathwayHistory history = history(pathway);
        Optional<PathwayVersion> draft = history.draft();
        if (draft.isPresent()) {
            draft.get().rules = new ArrayList<>(request.rules());
            draft.get().createdAt = Instant.now();
            draft.get().createdBy = caller.get().userId();
            return draft.get();
        }
        int next = history.versions().stream().mapToInt(v -> v.version).max().orElse(0) + 1;
        return newDraft(pathway, next, request.rules());
    }

    @Transactional
    public PathwayVersion publish(String regionId, String pathwayId, int version, Publication publication) {
        Pathway pathway = find(regionId, pathwayId);
        PathwayVersion draft = version(regionId, pathwayId, version);
        if (!draft.isDraft()) {
            throw new ProblemException(ProblemType.CONFLICT, "Version " + version + " of pathway " + pathwayId
                    + " is already published; edit the pathway to open a new draft");
        }
        validate(region(regionId), draft.rules, true);
        Optional<PathwayVersion> clash = history(pathway).versions().stream()
                .filter(v -> !v.isDraft() && !v.effectiveFrom.isBefore(publication.effectiveFrom()))
                .findFirst();
        if (clash.isPresent()) {
            throw ProblemException.invalid("effectiveFrom", "overlaps version " + clash.get().version
                    + ", effective from " + clash.get().effectiveFrom + "; choose a later date");
        }
        draft.status = PathwayVersion.PUBLISHED;
        draft.effectiveFrom = publication.effectiveFrom();
        draft.publishedAt = Instant.now();
        draft.publishedBy = caller.get().userId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pathwayId", pathway.id);
        data.put("version", draft.version);
        data.put("regionId", pathway.regionId);
        data.put("signalType", pathway.signalType);
        data.put("effectiveFrom", draft.effectiveFrom.toString());
        data.put("partnerIds", draft.rules.stream().map(rule -> rule.target().partnerId()).distinct().toList());
        outbox.record(PathwayEventType.PATHWAY_PUBLISHED, pathway.id, pathway.regionId, data);
        changed.fire(new ConfigurationChanged(regionId, "pathway " + pathway.id));
        return draft;
    }

    /**
     * Retires a published pathway from {@code effectiveFrom} on: a new version with status retired and no rules.
     * Its published versions stay readable (referrals cite them), route resolution stops using them from that date,
     * and a later publication (after that date) brings the pathway back. Emits {@code pathway.retired}.
     */
    @Transactional
    public PathwayVersion retire(String regionId, String pathwayId, LocalDate effectiveFrom) {
        Pathway pathway = find(regionId, pathwayId);
        PathwayHistory history = history(pathway);
        if (history.latestPublished().isEmpty() || history.retirement().isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Pathway " + pathwayId + " has no published version in force to retire");
        }
        PathwayVersion retirement = new PathwayVersion();
        retirement.pathwayId = pathway.id;
        retirement.version = history.versions().stream().mapToInt(v -> v.version).max().orElse(0) + 1;
        retirement.status = PathwayVersion.RETIRED;
        retirement.effectiveFrom = effectiveFrom;
        retirement.rules = new ArrayList<>();
        retirement.createdAt = Instant.now();
        retirement.createdBy = caller.get().userId();
        retirement.publishedAt = retirement.createdAt;
        retirement.publishedBy = retirement.createdBy;
        retirement.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("pathwayId", pathway.id);
        data.put("version", retirement.version);
        data.put("regionId", pathway.regionId);
        data.put("signalType", pathway.signalType);
        data.put("effectiveFrom", effectiveFrom.toString());
        outbox.record(PathwayEventType.PATHWAY_RETIRED, pathway.id, pathway.regionId, data);
        changed.fire(new ConfigurationChanged(regionId, "pathway " + pathway.id));
        return retirement;
    }

    /** Discards the open draft, if any. Drafts are never cited, so they are deleted. */
    @Transactional
    public void discardDraft(String regionId, String pathwayId) {
        Pathway pathway = find(regionId, pathwayId);
        PathwayVersion.delete("pathwayId = ?1 and status = ?2", pathway.id, PathwayVersion.DRAFT);
    }

    /** Deletes a pathway that was never published (only a draft): nothing can cite it. */
    @Transactional
    public void deleteUnpublished(String regionId, String pathwayId) {
        Pathway pathway = find(regionId, pathwayId);
        if (history(pathway).latestIssued().isPresent()) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "Pathway " + pathwayId + " was published; retire it instead");
        }
        PathwayVersion.delete("pathwayId", pathway.id);
        pathway.delete();
    }

    private void validate(Region region, List<RouteRule> rules, boolean publishing) {
        List<FieldError> errors = new ArrayList<>(validator.check(region, rules));
        if (publishing && rules.isEmpty()) {
            errors.add(new FieldError("rules", "a published pathway needs at least one rule"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The pathway has " + errors.size() + " invalid field(s)", errors);
        }
    }

    private PathwayVersion newDraft(Pathway pathway, int number, List<RouteRule> rules) {
        PathwayVersion draft = new PathwayVersion();
        draft.pathwayId = pathway.id;
        draft.version = number;
        draft.status = PathwayVersion.DRAFT;
        draft.rules = new ArrayList<>(rules);
        draft.createdAt = Instant.now();
        draft.createdBy = caller.get().userId();
        draft.persist();
        return draft;
    }

    private PathwayHistory history(Pathway pathway) {
        return new PathwayHistory(pathway, PathwayVersion.list("pathwayId = ?1 order by version", pathway.id));
    }

    private Pathway find(String regionId, String pathwayId) {
        OwnRegion.require(caller.get(), regionId);
        Pathway pathway = Pathway.findById(pathwayId);
        if (pathway == null || !pathway.regionId.equals(regionId)) {
            throw new ProblemException(ProblemType.NOT_FOUND,
                    "No pathway " + pathwayId + " in region " + regionId);
        }
        return pathway;
    }

    private Region region(String regionId) {
        OwnRegion.require(caller.get(), regionId);
        Region region = Region.findById(regionId);
        if (region == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "No region " + regionId);
        }
        return region;
    }
}
