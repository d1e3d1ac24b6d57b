package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.Referrals.ContactPoint;
import nl.zorgpad.console.client.Regions.Conditions;
import nl.zorgpad.console.client.Regions.Municipality;
import nl.zorgpad.console.client.Regions.Partner;
import nl.zorgpad.console.client.Regions.Region;
import nl.zorgpad.console.client.Regions.ResponseTargets;
import nl.zorgpad.console.client.Regions.Rule;
import nl.zorgpad.console.client.Regions.Target;
import nl.zorgpad.console.client.Regions.Version;
import org.junit.jupiter.api.Test;

class RouteCardsTest {

    private static final Region REGION = new Region("region-zof", "VSV Zuidoost-Friesland", List.of(
            new Municipality("GM0090", "Smallingerland", List.of("9200", "9203")),
            new Municipality("GM0086", "Opsterland", List.of("8401", "9241"))));
    private static final ContactPoint INTAKE = new ContactPoint("intake", "Intake jonge gezinnen", "0512 000 000",
            null, "ma-vr 9-17");
    private static final ContactPoint BALIE = new ContactPoint("balie", "Balie", "0512 111 111", null, null);
    private static final List<Partner> PARTNERS = List.of(
            partner("wijkteam-s", "Wijkteam Smallingerland", true, INTAKE, BALIE),
            partner("ggz", "GGZ Perinataal", true, new ContactPoint("verwijzing", "Verwijzingen", null, null, null)),
            partner("oud", "Opgeheven programma", false, INTAKE));
    private static final Map<String, String> LABELS = Map.of("financial-debt", "Schulden", "psychological",
            "Psychische problemen", "teen-parent", "Tienerouder");

    @Test
    void eachMunicipalityGetsItsOwnRoutesPerSignalInThePathwaysOrder() {
        Version debts = version(
                rule(when(List.of("GM0090"), List.of()), "wijkteam-s", "balie", "Bespreek het kindpakket."),
                rule(Conditions.ANY, "ggz", null, "Alle anderen."));
        Version psychological = version(
                rule(new Conditions(List.of(), List.of(), List.of("pregnancy"), List.of("vulnerable"), null, null,
                        List.of()), "ggz", "verwijzing", "Via de huisarts."));

        List<RouteCards.RouteCard> cards = RouteCards.build(REGION, List.of("teen-parent", "psychological",
                "financial-debt"), Map.of("financial-debt", debts, "psychological", psychological), PARTNERS,
                LABELS::get);

        assertEquals(List.of("GM0090", "GM0086"), cards.stream().map(RouteCards.RouteCard::municipalityCode).toList());
        RouteCards.RouteCard smallingerland = cards.get(0);
        assertEquals(List.of("Psychische problemen", "Schulden", "Tienerouder"),
                smallingerland.signals().stream().map(RouteCards.SignalRoutes::label).toList());
        List<RouteCards.CardRoute> smallingerlandDebts = smallingerland.signals().get(1).routes();
        assertEquals(2, smallingerlandDebts.size());
        assertEquals("Wijkteam Smallingerland", smallingerlandDebts.get(0).partnerName());
        assertEquals(BALIE, smallingerlandDebts.get(0).contact());
        assertEquals("Bespreek het kindpakket.", smallingerlandDebts.get(0).instruction());
        assertEquals("GGZ Perinataal", smallingerlandDebts.get(1).partnerName());
        List<RouteCards.CardRoute> opsterlandDebts = cards.get(1).signals().get(1).routes();
        assertEquals(1, opsterlandDebts.size());
        assertEquals("GGZ Perinataal", opsterlandDebts.get(0).partnerName());
        RouteCards.CardRoute psych = smallingerland.signals().get(0).routes().get(0);
        assertTrue(psych.isConditional());
        assertFalse(smallingerlandDebts.get(0).isConditional());
    }

    @Test
    void aSignalWithoutRouteInTheMunicipalityIsAWhiteSpotOnItsCard() {
        Version debts = version(rule(when(List.of("GM0090"), List.of()), "wijkteam-s", null, "x"));

        List<RouteCards.RouteCard> cards = RouteCards.build(REGION, List.of("financial-debt", "teen-parent"),
                Map.of("financial-debt", debts), PARTNERS, LABELS::get);

        assertFalse(cards.get(0).signals().get(0).isWhiteSpot());
        assertTrue(cards.get(1).signals().get(0).isWhiteSpot());
        assertTrue(cards.get(0).signals().get(1).isWhiteSpot());
    }

    @Test
    void aPostcodeRuleCountsOnlyWhereItsAreasLieAndSaysWhich() {
        Version debts = version(rule(when(List.of(), List.of("9241", "9200")), "wijkteam-s", null, "x"));

        List<RouteCards.RouteCard> cards = RouteCards.build(REGION, List.of("financial-debt"),
                Map.of("financial-debt", debts), PARTNERS, LABELS::get);

        RouteCards.CardRoute smallingerland = cards.get(0).signals().get(0).routes().get(0);
        assertEquals(List.of("9200"), smallingerland.postcodes());
        assertEquals(INTAKE, smallingerland.contact());
        assertEquals(List.of("9241"), cards.get(1).signals().get(0).routes().get(0).postcodes());
    }

    @Test
    void routesToInactiveOrUnknownPartnersAreLeftOutAsResolutionPassesThemOver() {
        Version debts = version(rule(Conditions.ANY, "oud", null, "x"), rule(Conditions.ANY, "weg", null, "y"));

        List<RouteCards.RouteCard> cards = RouteCards.build(REGION, List.of("financial-debt"),
                Map.of("financial-debt", debts), PARTNERS, LABELS::get);

        assertTrue(cards.get(0).signals().get(0).isWhiteSpot());
    }

    private static Partner partner(String id, String name, boolean active, ContactPoint... points) {
        return new Partner(id, "region-zof", name, "district-team", List.of(points), List.of(), List.of(), List.of(),
                false, "open", null, null, active, 0);
    }

    private static Conditions when(List<String> municipalities, List<String> postcodes) {
        return new Conditions(municipalities, postcodes, List.of(), List.of(), null, null, List.of());
    }

    private static Rule rule(Conditions when, String partnerId, String contactPointId, String instruction) {
        return new Rule(when, new Target(partnerId, contactPointId), instruction, new ResponseTargets(5, 1));
    }

    private static Version version(Rule... rules) {
        return new Version("pw-1", 1, "published", null, List.of(rules), null, null, null, null);
    }
}
