package nl.zorgpad.pathway.routing;

import static nl.zorgpad.pathway.routing.RouteSnapshotTest.rule;
import static nl.zorgpad.pathway.routing.RouteSnapshotTest.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleShadowingTest {

    private static final Map<String, String> PC4 = Map.of("9203", "GM0090", "8421", "GM0085");

    private static List<RuleShadowing.Shadow> shadows(Conditions... conditions) {
        return RuleShadowing.find(java.util.Arrays.stream(conditions).map(c -> rule(c, "p")).toList(), PC4);
    }

    @Test
    void aRegionWideRuleShadowsEveryLaterRule() {
        assertEquals(List.of(new RuleShadowing.Shadow(1, 0)), shadows(Conditions.ANY,
                when(List.of("GM0090"), List.of(Phase.PREGNANCY), List.of(), null, null, List.of())));
    }

    @Test
    void aSpecificRuleBeforeABroaderOneIsFine() {
        assertEquals(List.of(), shadows(
                when(List.of("GM0090"), List.of(Phase.PREGNANCY), List.of(), null, null, List.of()),
                when(List.of("GM0090"), List.of(), List.of(), null, null, List.of()),
                Conditions.ANY));
    }

    @Test
    void aPostcodeInsideAnEarlierMunicipalityIsShadowed() {
        Conditions municipality = when(List.of("GM0090"), List.of(), List.of(), null, null, List.of());
        Conditions postcode = new Conditions(List.of(), List.of("9203"), List.of(), List.of(), null, null, List.of());
        Conditions elsewhere = new Conditions(List.of(), List.of("8421"), List.of(), List.of(), null, null, List.of());
        assertEquals(List.of(new RuleShadowing.Shadow(1, 0)), shadows(municipality, postcode, elsewhere));
    }

    @Test
    void ageRangesShadowOnlyWhenContained() {
        Conditions teens = when(List.of(), List.of(), List.of(), 12, 19, List.of());
        Conditions youngTeens = when(List.of(), List.of(), List.of(), 14, 17, List.of());
        Conditions young = when(List.of(), List.of(), List.of(), null, 23, List.of());
        assertEquals(List.of(new RuleShadowing.Shadow(1, 0)), shadows(teens, youngTeens, young));
    }

    @Test
    void differentPhasesVulnerabilitiesOrUrgenciesDoNotShadow() {
        assertEquals(List.of(), shadows(
                when(List.of(), List.of(Phase.PREGNANCY), List.of(), null, null, List.of()),
                when(List.of(), List.of(Phase.POSTPARTUM), List.of(), null, null, List.of()),
                when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null, null, List.of(Urgency.URGENT)),
                when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null, null, List.of())));
        assertEquals(List.of(new RuleShadowing.Shadow(1, 0)), shadows(
                when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null, null, List.of()),
                when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null, null,
                        List.of(Urgency.URGENT))));
    }
}
