package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.commons.problem.ProblemException;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.PathwayVersion;
import nl.zorgpad.pathway.domain.SignalType;
import nl.zorgpad.pathway.routing.CapacityStatus;
import nl.zorgpad.pathway.routing.PartnerCard;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.service.ExchangeService.ExchangeDocument;
import nl.zorgpad.pathway.service.ExchangeService.PathwayDocument;
import nl.zorgpad.pathway.service.ExchangeService.PublishedDocument;
import nl.zorgpad.pathway.service.PartnerService.PartnerData;
import nl.zorgpad.pathway.service.PathwayService.PathwayHistory;

/**
 * Checks an import document against the region as it would be after the import: its shape, the region, every
 * partner, and every pathway's rules against the partners as they would be then (left-out partners inactive). Finds
 * every error at once, so that one refusal lists them all.
 */
@ApplicationScoped
class ImportValidation {

    private final RegionService regions;
    private final PathwayService pathways;
    private final PathwayValidator pathwayValidator;
    private final Validator validator;

    ImportValidation(RegionService regions, PathwayService pathways, PathwayValidator pathwayValidator,
                     Validator validator) {
        this.regions = regions;
        this.pathways = pathways;
        this.pathwayValidator = pathwayValidator;
        this.validator = validator;
    }

    /** The document's errors in document order; none when it can be imported. 422 when it has no region. */
    List<FieldError> errors(String regionId, ExchangeDocument doc) {
        List<FieldError> errors = new ArrayList<>();
        if (!ExchangeService.FORMAT.equals(doc.format())) {
            errors.add(new FieldError("format", "must be " + ExchangeService.FORMAT));
        }
        if (doc.regionId() != null && !doc.regionId().equals(regionId)) {
            errors.add(new FieldError("regionId", "is " + doc.regionId() + ", not the region imported into"));
        }
        if (doc.region() == null) {
            throw ProblemException.invalid("region", "is required");
        }
        errors.addAll(violations("region", doc.region()));
        errors.addAll(prefix("region.", regions.check(regionId, doc.region())));
        Map<String, PartnerCard> partnersAfter = checkPartners(regionId, doc, errors);
        checkPathways(regionId, doc, partnersAfter, errors);
        return errors;
    }

    /** Adds the partners' errors; returns the region's partners as they would be after the import, by id. */
    private Map<String, PartnerCard> checkPartners(String regionId, ExchangeDocument doc, List<FieldError> errors) {
        Map<String, PartnerCard> cards = new HashMap<>();
        Partner.<Partner>list("regionId", regionId).forEach(p -> cards.put(p.id, p.card()));
        List<PartnerData> partnerList = ExchangeService.partners(doc);
        Set<String> listed = new HashSet<>();
        for (int i = 0; i < partnerList.size(); i++) {
            PartnerData data = partnerList.get(i);
            String at = "partners[" + i + "]";
            List<FieldError> found = new ArrayList<>(violations(at, data));
            if (data.id() == null) {
                found.add(new FieldError(at + ".id", "is required"));
            } else if (!listed.add(data.id())) {
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
            cards.put(data.id(), new PartnerCard(data.id(), regionId, data.name(), data.kind(), data.contactPoints(),
                    data.municipalities(), data.postcodes(), CapacityStatus.of(data.capacity().status()),
                    data.capacity().waitlistWeeks(), data.active() == null || data.active()));
        }
        // Partners the document leaves out are deactivated: rules that still target them are refused like rules on
        // any inactive partner.
        for (PartnerCard card : List.copyOf(cards.values())) {
            if (!listed.contains(card.id()) && card.active()) {
                cards.put(card.id(), new PartnerCard(card.id(), card.regionId(), card.name(), card.kind(),
                        card.contactPoints(), card.municipalities(), card.postcodes(), card.capacityStatus(),
                        card.waitlistWeeks(), false));
            }
        }
        return cards;
    }

    private void checkPathways(String regionId, ExchangeDocument doc, Map<String, PartnerCard> partnersAfter,
                               List<FieldError> errors) {
        List<PathwayDocument> pathwayList = ExchangeService.pathways(doc);
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
            if (pathway.published() != null) {
                // The latest published version or retirement: a new publication must take effect after it.
                Optional<PathwayVersion> issued = pathways.forSignalType(regionId, pathway.signalType())
                        .flatMap(PathwayHistory::latestIssued);
                checkPublished(at + ".published", regionId, doc, pathway.published(), issued, partnersAfter,
                        errors);
            }
            if (pathway.draft() != null) {
                errors.addAll(rulesErrors(at + ".draft.", regionId, doc, pathway.draft(), partnersAfter));
            }
        }
    }

    private void checkPublished(String at, String regionId, ExchangeDocument doc, PublishedDocument published,
                                Optional<PathwayVersion> issued, Map<String, PartnerCard> partnersAfter,
                                List<FieldError> errors) {
        List<RouteRule> rules = published.rules() == null ? List.of() : published.rules();
        errors.addAll(rulesErrors(at + ".", regionId, doc, rules, partnersAfter));
        if (rules.isEmpty()) {
            errors.add(new FieldError(at + ".rules", "a published pathway needs at least one rule"));
        }
        if (published.effectiveFrom() == null) {
            errors.add(new FieldError(at + ".effectiveFrom", "is required"));
        } else if (!published.isIssuedAs(issued) && issued.isPresent()
                && !issued.get().effectiveFrom.isBefore(published.effectiveFrom())) {
            errors.add(new FieldError(at + ".effectiveFrom", "overlaps version " + issued.get().version
                    + (issued.get().isRetirement() ? " (retirement)" : "") + ", effective from "
                    + issued.get().effectiveFrom));
        }
    }

    private List<FieldError> rulesErrors(String at, String regionId, ExchangeDocument doc, List<RouteRule> rules,
                                         Map<String, PartnerCard> partnersAfter) {
        List<FieldError> errors = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            errors.addAll(violations(at + "rules[" + r + "]", rules.get(r)));
        }
        if (errors.isEmpty()) {
            errors.addAll(prefix(at, pathwayValidator.check(regionId, doc.region().municipalities(), rules,
                    partnersAfter::get)));
        }
        return errors;
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
        errors.sort(Comparator.comparing(FieldError::field));
        return errors;
    }

    private static List<FieldError> prefix(String at, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(at + e.field(), e.message())).toList();
    }
}
