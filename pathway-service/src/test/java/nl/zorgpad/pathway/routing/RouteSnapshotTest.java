package nl.zorgpad.pathway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.zorgpad.pathway.routing.ResolveResult.SignalResult;
import org.junit.jupiter.api.Test;

class RouteSnapshotTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final RegionArea REGION = new RegionArea("r1", "VSV Test", List.of(
            new Municipality("GM0090", "Smallingerland", List.of("9200", "9203")),
            new Municipality("GM0085", "Ooststellingwerf", List.of("8421"))));

    static PartnerCard partner(String id, CapacityStatus status, boolean active, String... municipalities) {
        return new PartnerCard(id, "r1", "Name " + id, "other",
                List.of(new ContactPoint("intake", "Intake", "0512", "a@b.nl", "ma-vr"),
                        new ContactPoint("urgent", "Spoed", "0513", null, "24/7")),
                List.of(municipalities), List.of(), status, status == CapacityStatus.WAITLIST ? 4 : null, active);
    }

    static RouteRule rule(Conditions when, String partnerId) {
        return new RouteRule(when, new RouteRule.Target(partnerId, null), "do " + partnerId,
                new RouteRule.ResponseTargets(5, 1));
    }

    static Conditions when(List<String> municipalities, List<Phase> phases, List<Vulnerability> vulnerabilities,
                           Integer minAge, Integer maxAge, List<Urgency> urgencies) {
        return new Conditions(municipalities, List.of(), phases, vulnerabilities, minAge, maxAge, urgencies);
    }

    static RouteQuery query(String postcode, Phase phase, Vulnerability vulnerability, Integer age, Urgency urgency,
                            String... signals) {
        return new RouteQuery(postcode, null, List.of(signals), phase, vulnerability, age, urgency);
    }

    static RouteSnapshot snapshot(List<PartnerCard> partners, PublishedPathway... pathways) {
        return new RouteSnapshot(List.of(REGION), partners, List.of(pathways),
                Set.of("financial-debt", "teen-parent", "smoking"));
    }

    @Test
    void theFirstMatchingRuleIsPrimaryAndLaterMatchesAreRankedAlternatives() {
        PublishedPathway debt = new PublishedPathway("pw", 3, "r1", "financial-debt", TODAY.minusDays(10), List.of(
                rule(when(List.of("GM0085"), List.of(), List.of(), null, null, List.of()), "other-town"),
                rule(when(List.of("GM0090"), List.of(Phase.PREGNANCY), List.of(), null, null, List.of()), "local"),
                rule(Conditions.ANY, "regional")));
        RouteSnapshot snapshot = snapshot(List.of(partner("other-town", CapacityStatus.OPEN, true, "GM0085"),
                partner("local", CapacityStatus.OPEN, true, "GM0090"),
                partner("regional", CapacityStatus.WAITLIST, true)), debt);

        ResolveResult result = snapshot.resolve(query("9203 AB", Phase.PREGNANCY, null, null, null,
                "financial-debt"), TODAY);

        assertEquals("GM0090", result.municipalityCode());
        SignalResult signal = result.results().get(0);
        assertEquals("routed", signal.status());
        assertEquals("local", signal.primary().partnerId());
        assertEquals("intake", signal.primary().contactPoint().id());
        assertEquals(3, signal.primary().pathwayVersion());
        assertEquals("rule 2: municipality Smallingerland (GM0090), phase pregnancy", signal.primary().matchReason());
        assertEquals(List.of("regional"), signal.alternatives().stream().map(ResolveResult.Route::partnerId).toList());
        assertEquals(4, signal.alternatives().get(0).waitlistWeeks());
    }

    @Test
    void closedAndInactivePartnersArePassedOverToTheNextRule() {
        PublishedPathway debt = new PublishedPathway("pw", 1, "r1", "financial-debt", TODAY, List.of(
                rule(when(List.of("GM0090"), List.of(), List.of(Vulnerability.VULNERABLE), null, null, List.of()),
                        "closed"),
                rule(when(List.of("GM0090"), List.of(Phase.PREGNANCY), List.of(), null, null, List.of()),
                        "inactive"),
                rule(Conditions.ANY, "open")));
        RouteSnapshot snapshot = snapshot(List.of(partner("closed", CapacityStatus.CLOSED, true),
                partner("inactive", CapacityStatus.OPEN, false), partner("open", CapacityStatus.OPEN, true)), debt);

        SignalResult signal = snapshot.resolve(query("9203", Phase.PREGNANCY, Vulnerability.VULNERABLE, 30, null,
                "financial-debt"), TODAY).results().get(0);

        assertEquals("open", signal.primary().partnerId());
        assertEquals(List.of("closed:closed", "inactive:inactive"), signal.passedOver().stream()
                .map(p -> p.partnerId() + ":" + p.reason()).toList());
    }

    @Test
    void onlyClosedPartnersGiveANoRouteThatSaysSo() {
        PublishedPathway debt = new PublishedPathway("pw", 1, "r1", "financial-debt", TODAY, List.of(
                rule(Conditions.ANY, "closed")));
        SignalResult signal = snapshot(List.of(partner("closed", CapacityStatus.CLOSED, true)), debt)
                .resolve(query("9203", Phase.POSTPARTUM, null, null, null, "financial-debt"), TODAY)
                .results().get(0);
        assertEquals("no-route", signal.status());
        assertNull(signal.primary());
        assertEquals(1, signal.passedOver().size());
        assertTrue(signal.gap().contains("takes no referrals"));
    }

    @Test
    void ageVulnerabilityAndUrgencyConditionsMustAllHold() {
        Conditions teens = when(List.of(), List.of(), List.of(Vulnerability.VULNERABLE,
                Vulnerability.VERY_VULNERABLE), 12, 19, List.of(Urgency.URGENT));
        PublishedPathway teen = new PublishedPathway("pw", 1, "r1", "teen-parent", TODAY, List.of(rule(teens, "p")));
        RouteSnapshot snapshot = snapshot(List.of(partner("p", CapacityStatus.OPEN, true)), teen);

        assertEquals("routed", resolve(snapshot, Vulnerability.VERY_VULNERABLE, 19, Urgency.URGENT));
        assertEquals("routed", resolve(snapshot, Vulnerability.VULNERABLE, 12, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, Vulnerability.VULNERABLE, 20, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, Vulnerability.VULNERABLE, 11, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, Vulnerability.VULNERABLE, null, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, Vulnerability.SELF_RELIANT, 17, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, null, 17, Urgency.URGENT));
        assertEquals("no-route", resolve(snapshot, Vulnerability.VULNERABLE, 17, null));
    }

    private static String resolve(RouteSnapshot snapshot, Vulnerability vulnerability, Integer age, Urgency urgency) {
        return snapshot.resolve(query("8421", Phase.PREGNANCY, vulnerability, age, urgency, "teen-parent"), TODAY)
                .results().get(0).status();
    }

    @Test
    void aPostcodeAreaConditionMatchesOnlyThatArea() {
        Conditions area = new Conditions(List.of(), List.of("9200"), List.of(), List.of(), null, null, List.of());
        PublishedPathway smoking = new PublishedPathway("pw", 1, "r1", "smoking", TODAY, List.of(rule(area, "p")));
        RouteSnapshot snapshot = snapshot(List.of(partner("p", CapacityStatus.OPEN, true)), smoking);
        assertEquals("routed", snapshot.resolve(query("9200XX", Phase.PREGNANCY, null, null, null, "smoking"), TODAY)
                .results().get(0).status());
        assertEquals("postcode area 9200", snapshot.resolve(query("9200XX", Phase.PREGNANCY, null, null, null,
                "smoking"), TODAY).results().get(0).primary().matchReason().substring(8));
        assertEquals("no-route", snapshot.resolve(query("9203XX", Phase.PREGNANCY, null, null, null, "smoking"),
                TODAY).results().get(0).status());
    }

    @Test
    void noPublishedPathwayGivesAGapNamingRegionSignalMunicipalityAndPhase() {
        SignalResult signal = snapshot(List.of()).resolve(query("8421", Phase.PREGNANCY, null, 17, null,
                "teen-parent"), TODAY).results().get(0);
        assertEquals("no-route", signal.status());
        assertEquals("No pathway in region VSV Test routes signal teen-parent for municipality Ooststellingwerf "
                + "(GM0085) in phase pregnancy", signal.gap());
    }

    @Test
    void theVersionInForceIsTheLatestEffectiveOneNotAFutureOne() {
        PublishedPathway v1 = new PublishedPathway("pw", 1, "r1", "smoking", TODAY.minusDays(30),
                List.of(rule(Conditions.ANY, "old")));
        PublishedPathway v2 = new PublishedPathway("pw", 2, "r1", "smoking", TODAY,
                List.of(rule(Conditions.ANY, "current")));
        PublishedPathway v3 = new PublishedPathway("pw", 3, "r1", "smoking", TODAY.plusDays(1),
                List.of(rule(Conditions.ANY, "future")));
        RouteSnapshot snapshot = snapshot(List.of(partner("old", CapacityStatus.OPEN, true),
                partner("current", CapacityStatus.OPEN, true), partner("future", CapacityStatus.OPEN, true)),
                v3, v1, v2);
        ResolveResult.Route route = snapshot.resolve(query("9203", Phase.PREGNANCY, null, null, null, "smoking"),
                TODAY).results().get(0).primary();
        assertEquals("current", route.partnerId());
        assertEquals(2, route.pathwayVersion());
    }

    @Test
    void aRetiredPathwayRoutesNothingFromItsRetirementOn() {
        PublishedPathway v1 = new PublishedPathway("pw", 1, "r1", "smoking", TODAY.minusDays(30),
                List.of(rule(Conditions.ANY, "coach")));
        PublishedPathway retired = PublishedPathway.retirement("pw", 2, "r1", "smoking", TODAY);
        RouteSnapshot snapshot = snapshot(List.of(partner("coach", CapacityStatus.OPEN, true)), retired, v1);

        assertEquals(1, snapshot.effective("r1", "smoking", TODAY.minusDays(1)).orElseThrow().version());
        assertTrue(snapshot.effective("r1", "smoking", TODAY).isEmpty());
        SignalResult signal = snapshot.resolve(query("9203", Phase.PREGNANCY, null, null, null, "smoking"), TODAY)
                .results().get(0);
        assertEquals("no-route", signal.status());
        assertTrue(signal.gap().startsWith("No pathway in region VSV Test routes signal smoking"), signal.gap());
    }

    @Test
    void aRetirementAlsoEndsAVersionPublishedEarlierForALaterDate() {
        PublishedPathway current = new PublishedPathway("pw", 1, "r1", "smoking", TODAY.minusDays(30),
                List.of(rule(Conditions.ANY, "coach")));
        PublishedPathway future = new PublishedPathway("pw", 2, "r1", "smoking", TODAY.plusDays(10),
                List.of(rule(Conditions.ANY, "coach")));
        PublishedPathway retired = PublishedPathway.retirement("pw", 3, "r1", "smoking", TODAY);
        PublishedPathway republished = new PublishedPathway("pw", 4, "r1", "smoking", TODAY.plusDays(20),
                List.of(rule(Conditions.ANY, "coach")));
        RouteSnapshot snapshot = snapshot(List.of(partner("coach", CapacityStatus.OPEN, true)),
                current, future, retired, republished);

        assertTrue(snapshot.effective("r1", "smoking", TODAY).isEmpty());
        assertTrue(snapshot.effective("r1", "smoking", TODAY.plusDays(10)).isEmpty());
        assertEquals(4, snapshot.effective("r1", "smoking", TODAY.plusDays(20)).orElseThrow().version());
    }

    @Test
    void postcodesAreNormalisedToPc4() {
        assertEquals("9203", RouteSnapshot.pc4("9203 ab"));
        assertEquals("9203", RouteSnapshot.pc4("9203"));
        assertNull(RouteSnapshot.pc4("0203AB"));
        assertNull(RouteSnapshot.pc4("92031"));
        assertNull(RouteSnapshot.pc4(null));
        assertEquals("9203", RouteSnapshot.pc4("9203AB"));
        assertEquals("9203", RouteSnapshot.pc4(" 9203 A B "));
        assertNull(RouteSnapshot.pc4("9203A"));
        assertNull(RouteSnapshot.pc4("9203ABC"));
        assertNull(RouteSnapshot.pc4("92O3"));
        assertNull(RouteSnapshot.pc4("9203A1"));
        assertNull(RouteSnapshot.pc4(""));
    }
}
