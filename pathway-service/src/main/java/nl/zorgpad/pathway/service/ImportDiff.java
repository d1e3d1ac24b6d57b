package nl.zorgpad.pathway.service;

import static nl.zorgpad.pathway.service.ExchangeService.DEACTIVATED;
import static nl.zorgpad.pathway.service.ExchangeService.DRAFT_DISCARDED;
import static nl.zorgpad.pathway.service.ExchangeService.REMOVED;
import static nl.zorgpad.pathway.service.ExchangeService.RETIRED;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.Pathway;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.service.ExchangeService.Change;
import nl.zorgpad.pathway.service.ExchangeService.ExchangeDocument;
import nl.zorgpad.pathway.service.ExchangeService.PathwayDocument;
import nl.zorgpad.pathway.service.PartnerService.PartnerData;
import nl.zorgpad.pathway.service.PathwayService.PathwayHistory;

/**
 * What importing a valid document changes in a region, compared with what is stored: the list a dry run reports
 * and the import applies. What the document leaves out is taken out of use: partners deactivated, published
 * pathways retired, drafts discarded, pathways that were only ever a draft removed.
 */
@ApplicationScoped
class ImportDiff {

    private final PathwayService pathways;

    ImportDiff(PathwayService pathways) {
        this.pathways = pathways;
    }

    /** The changes, region first, then partners, then pathways; {@code doc} has passed {@link ImportValidation}. */
    List<Change> changes(String regionId, ExchangeDocument doc) {
        List<Change> changes = new ArrayList<>();
        Region current = Region.findById(regionId);
        if (current == null || !current.name.equals(doc.region().name())
                || !current.municipalities.equals(doc.region().municipalities())) {
            changes.add(new Change("region", regionId, current == null ? "created" : "updated"));
        }
        addPartnerChanges(regionId, doc, changes);
        addPathwayChanges(regionId, doc, changes);
        return changes;
    }

    private static void addPartnerChanges(String regionId, ExchangeDocument doc, List<Change> changes) {
        Map<String, Boolean> active = new HashMap<>();
        Partner.<Partner>list("regionId", regionId).forEach(p -> active.put(p.id, p.active));
        Set<String> listed = new HashSet<>();
        for (PartnerData data : ExchangeService.partners(doc)) {
            listed.add(data.id());
            Partner existing = Partner.findById(data.id());
            if (existing == null) {
                changes.add(new Change("partner", data.id(), "created"));
            } else if (!PartnerService.data(existing).equals(normalised(data))) {
                changes.add(new Change("partner", data.id(), "updated"));
            }
            active.put(data.id(), data.active() == null || data.active());
        }
        // Not deleted: published pathway versions and referrals cite them.
        active.forEach((id, isActive) -> {
            if (!listed.contains(id) && isActive) {
                changes.add(new Change("partner", id, DEACTIVATED));
            }
        });
    }

    private void addPathwayChanges(String regionId, ExchangeDocument doc, List<Change> changes) {
        Set<String> signals = new HashSet<>();
        for (PathwayDocument pathway : ExchangeService.pathways(doc)) {
            signals.add(pathway.signalType());
            Optional<PathwayHistory> history = pathways.forSignalType(regionId, pathway.signalType());
            String id = history.map(h -> h.pathway().id).orElse(pathway.signalType());
            if (history.isEmpty()) {
                changes.add(new Change("pathway", pathway.signalType(), "created"));
            }
            Optional<PathwayVersion> issued = history.flatMap(PathwayHistory::latestIssued);
            if (pathway.published() != null) {
                if (!pathway.published().isIssuedAs(issued)) {
                    changes.add(new Change("pathway", id, "published"));
                }
            } else if (issued.isPresent() && !issued.get().isRetirement()) {
                changes.add(new Change("pathway", id, RETIRED));
            }
            Optional<PathwayVersion> draft = history.flatMap(PathwayHistory::draft);
            if (pathway.draft() != null) {
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
    }

    /** The partner as {@link PartnerService#data} would give it back after storing {@code data}. */
    private static PartnerData normalised(PartnerData data) {
        return new PartnerData(data.id(), data.name(), data.kind(), List.copyOf(data.contactPoints()),
                data.municipalities() == null ? List.of() : List.copyOf(data.municipalities()),
                data.postcodes() == null ? List.of() : List.copyOf(data.postcodes()),
                data.languages() == null ? List.of() : List.copyOf(data.languages()), data.interpreterSupport(),
                new PartnerService.Capacity(data.capacity().status(),
                        "waitlist".equals(data.capacity().status()) ? data.capacity().waitlistWeeks() : null),
                data.active() == null || data.active());
    }
}
