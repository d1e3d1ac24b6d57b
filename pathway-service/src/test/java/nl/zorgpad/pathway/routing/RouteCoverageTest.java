package nl.zorgpad.pathway.routing;

import static nl.zorgpad.pathway.routing.RouteSnapshotTest.partner;
import static nl.zorgpad.pathway.routing.RouteSnapshotTest.rule;
import static nl.zorgpad.pathway.routing.RouteSnapshotTest.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.pathway.routing.RouteMatcher.CellCoverage;
import nl.zorgpad.pathway.routing.RouteMatcher.Coverage;
import nl.zorgpad.pathway.routing.RouteMatcher.Gap;
import org.junit.jupiter.api.Test;

/** A coverage cell is routed only when every vulnerability level, urgency, age and PC4 area finds an open route. */
class RouteCoverageTest {

    static final Municipality SMALLINGERLAND = new Municipality("GM0090", "Smallingerland", List.of("9200", "9203"));
    static final Map<String, PartnerCard> PARTNERS = Map.of(
            "open", partner("open", CapacityStatus.OPEN, true),
            "waitlist", partner("waitlist", CapacityStatus.WAITLIST, true),
            "closed", partner("closed", CapacityStatus.CLOSED, true),
            "gone", partner("gone", CapacityStatus.OPEN, false));

    static CellCoverage cell(RouteRule... rules) {
        PublishedPathway pathway = new PublishedPathway("pw", 1, "r1", "teen-parent", LocalDate.of(2026, 1, 1),
                List.of(rules));
        return RouteMatcher.coverage(pathway, PARTNERS, SMALLINGERLAND, Phase.PREGNANCY);
    }

    static Conditions any() {
        return Conditions.ANY;
    }

    @Test
    void aRuleForEveryCaseRoutesTheCell() {
        assertEquals(new CellCoverage(Coverage.ROUTED, List.of()), cell(rule(any(), "waitlist")));
    }

    @Test
    void theSimpleCasesKeepTheirStatus() {
        assertEquals(Coverage.NOT_ROUTED,
                RouteMatcher.coverage(null, PARTNERS, SMALLINGERLAND, Phase.PREGNANCY).coverage());
        assertEquals(Coverage.NOT_ROUTED, cell(rule(when(List.of("GM0085"), List.of(), List.of(), null, null,
                List.of()), "open")).coverage());
        assertEquals(Coverage.NOT_ROUTED, cell(rule(when(List.of(), List.of(Phase.POSTPARTUM), List.of(), null,
                null, List.of()), "open")).coverage());
        assertEquals(new CellCoverage(Coverage.ONLY_CLOSED, List.of()), cell(rule(any(), "closed"),
                rule(when(List.of(), List.of(), List.of(Vulnerability.VULNERABLE), null, null, List.of()), "gone")));
    }

    @Test
    void aRuleOnlyForVeryVulnerableClientsRoutesThePartOnly() {
        CellCoverage coverage = cell(rule(when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null,
                null, List.of()), "open"));
        assertEquals(Coverage.PARTLY_ROUTED, coverage.coverage());
        assertEquals(List.of(new Gap("not-routed", List.of(), List.of(Vulnerability.SELF_RELIANT,
                Vulnerability.POTENTIALLY_VULNERABLE, Vulnerability.VULNERABLE), List.of(), null, null)),
                coverage.gaps());
        assertEquals("vulnerability self-reliant, potentially-vulnerable, vulnerable: not-routed",
                coverage.gaps().get(0).describe());
    }

    @Test
    void aRuleOnlyForTeenParentsLeavesOlderClientsUncovered() {
        CellCoverage coverage = cell(rule(when(List.of(), List.of(), List.of(), null, 19, List.of()), "open"));
        assertEquals(Coverage.PARTLY_ROUTED, coverage.coverage());
        assertEquals(List.of(new Gap("not-routed", List.of(), List.of(), List.of(), 20, null)), coverage.gaps());
        assertEquals("age 20+: not-routed", coverage.gaps().get(0).describe());
    }

    @Test
    void anAgeWindowLeavesBothSidesUncovered() {
        CellCoverage coverage = cell(rule(when(List.of(), List.of(), List.of(), 16, 23, List.of()), "open"));
        assertEquals(List.of(new Gap("not-routed", List.of(), List.of(), List.of(), null, 15),
                new Gap("not-routed", List.of(), List.of(), List.of(), 24, null)), coverage.gaps());
        assertEquals("age 0-15: not-routed", coverage.gaps().get(0).describe());
    }

    @Test
    void urgentCasesOnlyWithAClosedFallbackForRoutineOnes() {
        CellCoverage coverage = cell(
                rule(when(List.of(), List.of(), List.of(), null, null, List.of(Urgency.URGENT)), "open"),
                rule(any(), "closed"));
        assertEquals(Coverage.PARTLY_ROUTED, coverage.coverage());
        assertEquals(List.of(new Gap("only-closed", List.of(), List.of(), List.of(Urgency.ROUTINE), null, null)),
                coverage.gaps());
    }

    @Test
    void gapsCombineConditions() {
        CellCoverage coverage = cell(
                rule(when(List.of(), List.of(), List.of(Vulnerability.VERY_VULNERABLE), null, null, List.of()),
                        "open"),
                rule(when(List.of(), List.of(), List.of(), null, null, List.of(Urgency.URGENT)), "open"));
        assertEquals(List.of(new Gap("not-routed", List.of(), List.of(Vulnerability.SELF_RELIANT,
                Vulnerability.POTENTIALLY_VULNERABLE, Vulnerability.VULNERABLE), List.of(Urgency.ROUTINE), null,
                null)), coverage.gaps());
    }

    @Test
    void aRuleForSomePc4AreasOfTheMunicipalityNamesTheOthers() {
        CellCoverage coverage = cell(rule(new Conditions(List.of(), List.of("9203"), List.of(), List.of(), null,
                null, List.of()), "open"));
        assertEquals(Coverage.PARTLY_ROUTED, coverage.coverage());
        assertEquals(List.of(new Gap("not-routed", List.of("9200"), List.of(), List.of(), null, null)),
                coverage.gaps());
        assertEquals("PC4 9200: not-routed", coverage.gaps().get(0).describe());
        assertEquals(Coverage.ROUTED, cell(
                rule(new Conditions(List.of(), List.of("9203"), List.of(), List.of(), null, null, List.of()), "open"),
                rule(when(List.of("GM0090"), List.of(), List.of(), null, null, List.of()), "waitlist")).coverage());
    }
}
