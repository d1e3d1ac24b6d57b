package nl.zorgpad.pathway.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.zorgpad.commons.problem.FieldError;
import nl.zorgpad.pathway.domain.Partner;
import nl.zorgpad.pathway.domain.Region;
import nl.zorgpad.pathway.routing.Conditions;
import nl.zorgpad.pathway.routing.Municipality;
import nl.zorgpad.pathway.routing.PartnerCard;
import nl.zorgpad.pathway.routing.RouteRule;
import nl.zorgpad.pathway.routing.RuleShadowing;

/**
 * Checks a pathway's rules against its region and partners: known, active partners of the region that serve the
 * rule's whole area, existing contact points, areas inside the region, sane age ranges and no shadowed rules.
 */
@ApplicationScoped
public class PathwayValidator {

    public List<FieldError> check(Region region, List<RouteRule> rules) {
        return check(region.id, region.municipalities, rules, partnerId -> {
            Partner partner = Partner.findById(partnerId);
            return partner == null || !partner.regionId.equals(region.id) ? null : partner.card();
        });
    }

    /** Checks against a region and partners that need not be stored yet (an import being validated). */
    public List<FieldError> check(String regionId, List<Municipality> municipalities, List<RouteRule> rules,
                                  Function<String, PartnerCard> partners) {
        Map<String, String> municipalityOfPostcode = new HashMap<>();
        for (Municipality municipality : municipalities) {
            municipality.postcodes().forEach(pc -> municipalityOfPostcode.put(pc, municipality.code()));
        }
        List<String> regionCodes = municipalities.stream().map(Municipality::code).toList();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String at = "rules[" + i + "]";
            RouteRule rule = rules.get(i);
            Conditions when = rule.when();
            for (String code : when.municipalities()) {
                if (!regionCodes.contains(code)) {
                    errors.add(new FieldError(at + ".when.municipalities", code + " is not a municipality of region "
                            + regionId));
                }
            }
            for (String pc : when.postcodes()) {
                if (!municipalityOfPostcode.containsKey(pc)) {
                    errors.add(new FieldError(at + ".when.postcodes", pc + " is not a PC4 area of region "
                            + regionId));
                }
            }
            if (when.minAge() != null && when.maxAge() != null && when.minAge() > when.maxAge()) {
                errors.add(new FieldError(at + ".when.minAge", "is above maxAge"));
            }
            if (rule.responseTargetWorkingDays() == null) {
                errors.add(new FieldError(at + ".responseTargetWorkingDays", "is required"));
            }
            checkTarget(partners.apply(rule.target().partnerId()), rule, at, regionCodes, municipalityOfPostcode,
                    errors);
        }
        for (RuleShadowing.Shadow shadow : RuleShadowing.find(rules, municipalityOfPostcode)) {
            errors.add(new FieldError("rules[" + shadow.rule() + "].when", "can never match: rule "
                    + (shadow.by() + 1) + " comes first and covers every case this rule covers"));
        }
        return errors;
    }

    private static void checkTarget(PartnerCard card, RouteRule rule, String at, List<String> regionCodes,
                                    Map<String, String> municipalityOfPostcode, List<FieldError> errors) {
        String partnerId = rule.target().partnerId();
        if (card == null) {
            errors.add(new FieldError(at + ".target.partnerId", "unknown partner " + partnerId));
            return;
        }
        if (!card.active()) {
            errors.add(new FieldError(at + ".target.partnerId", "partner " + partnerId + " is inactive"));
        }
        if (rule.target().contactPointId() != null && card.contactPoint(rule.target().contactPointId()).isEmpty()) {
            errors.add(new FieldError(at + ".target.contactPointId", "partner " + partnerId
                    + " has no contact point " + rule.target().contactPointId()));
        }
        Conditions when = rule.when();
        List<String> codes = when.regionWide() ? regionCodes : when.municipalities();
        for (String code : codes) {
            if (!card.serves(code, null)) {
                errors.add(new FieldError(at + ".target.partnerId", "partner " + partnerId
                        + " does not serve municipality " + code));
            }
        }
        for (String pc : when.postcodes()) {
            if (!card.serves(municipalityOfPostcode.get(pc), pc)) {
                errors.add(new FieldError(at + ".target.partnerId", "partner " + partnerId
                        + " does not serve PC4 area " + pc));
            }
        }
    }
}
