package nl.zorgpad.system.browser;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.zorgpad.stack.ZorgpadService;
import nl.zorgpad.stack.keycloak.DemoTokens;
import nl.zorgpad.system.RunningSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * vera, the VSV coordinator of Zuidoost-Friesland, in her browser: she closes a partner and sees the white spot it
 * makes, mends a rule the service refuses and publishes it for tomorrow, and prints a municipality's route card.
 * Scenarios share the system: what vera changes today is undone (the partner reopened) or takes effect only
 * tomorrow (the published version), so no other scenario's routes change.
 */
@ExtendWith(RunningSystem.class)
@Order(5)
class VsvCoordinatorInTheConsoleTest {

    private static final String REGION = "region-zuidoost-friesland";
    private static final String SMALLINGERLAND = "GM0090";
    private static final String PREGNANCY = "pregnancy";
    /** The only partner of the alcohol pathway, everywhere in the region: closed, alcohol has no open route. */
    private static final String JGZ = "partner-jgz-fryslan";
    private static final String JGZ_NAME = "Jeugdgezondheidszorg GGD Fryslân";
    private static final String ALCOHOL = "alcohol";
    /** A pathway no other scenario refers by: its new version is published from tomorrow. */
    private static final String RELATIONSHIP = "relationship";
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy",
            Locale.forLanguageTag("nl"));

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Test
    void veraClosesThePartnerAndTheRoutePreviewAndTheCoverageShowTheWhiteSpot() {
        Browser anna = browsers.of("anna");
        Browser vera = browsers.of("vera");

        // During a consultation anna checks where an alcohol signal goes for a family in Drachten.
        anna.logsIn();
        NewReferralPage form = NewReferralPage.openIn(anna)
                .client(Family.named("Iris Kramer"))
                .dueDate(LocalDate.now().plusWeeks(20))
                .signal(ALCOHOL, "Drinkt in het weekend nog een paar glazen wijn");
        String before = form.showRoute();
        assertTrue(before.contains("gaat naar " + JGZ_NAME), before);

        vera.logsIn();
        CoveragePage coverage = CoveragePage.openIn(vera);
        assertEquals("routed", coverage.statusOf(ALCOHOL, SMALLINGERLAND, PREGNANCY));
        int routedBefore = coverage.count("routed");
        int closedOnlyBefore = coverage.count("closed-only");
        assertEquals(closedOnlyBefore, coverage.cellsMarked("closed-only"), "the count matches the table");
        try {
            // The JGZ says it takes no referrals for now: vera records it in one go.
            PartnersPage partners = PartnersPage.openIn(vera).setCapacity(JGZ, "closed");
            assertTrue(partners.problemOf(JGZ).isEmpty(), partners.problemOf(JGZ).toString());
            assertEquals("Vastgelegd. Verwijzers zien dit meteen.", partners.doneMessageOf(JGZ).orElse(""));
            assertTrue(partners.capacityOf(JGZ).startsWith("gesloten"), partners.capacityOf(JGZ));

            // Her coverage shows the white spot: alcohol in Smallingerland goes only to a closed partner now.
            CoveragePage after = CoveragePage.waitUntilCellIs(vera, ALCOHOL, SMALLINGERLAND, PREGNANCY,
                    "only-closed");
            assertTrue(after.classOf(ALCOHOL, SMALLINGERLAND, PREGNANCY).contains("cell--closed-only"),
                    after.classOf(ALCOHOL, SMALLINGERLAND, PREGNANCY));
            assertTrue(after.count("closed-only") > closedOnlyBefore,
                    closedOnlyBefore + " -> " + after.count("closed-only"));
            assertTrue(after.count("routed") < routedBefore, routedBefore + " -> " + after.count("routed"));
            assertEquals(after.count("closed-only"), after.cellsMarked("closed-only"), "the count matches the table");

            // Anna asks again: no route to the JGZ, and the preview says why.
            String now = showRouteUntil(anna, form, text -> !text.contains("gaat naar " + JGZ_NAME));
            assertTrue(now.contains("geen route afgesproken (witte vlek)"), now);
            assertTrue(now.contains(JGZ_NAME + " is nu gesloten."), now);
        } finally {
            reopen(vera);
        }
        // Reopened, the region is as it was.
        CoveragePage restored = CoveragePage.waitUntilCellIs(vera, ALCOHOL, SMALLINGERLAND, PREGNANCY, "routed");
        assertEquals(closedOnlyBefore, restored.count("closed-only"));
        String again = showRouteUntil(anna, form, text -> text.contains("gaat naar " + JGZ_NAME));
        assertTrue(again.contains("gaat naar " + JGZ_NAME), again);
    }

    @Test
    void veraSeesTheRefusalAtTheRuleSheTypedItInMendsItAndPublishesForTomorrow() {
        Browser vera = browsers.of("vera");
        vera.logsIn();

        PathwayEditorPage pathway = PathwaysPage.openIn(vera).opensPathwayOf(RELATIONSHIP);
        if (!pathway.hasDraft()) {
            assertTrue(pathway.offersNewDraft());
            pathway = pathway.opensDraft();
            assertTrue(pathway.doneMessage().orElse("").startsWith("Er is een concept gemaakt"),
                    pathway.doneMessage().toString());
        }
        int draft = pathway.draftVersion();
        assertTrue(pathway.ruleCount() >= 2, "the relationship pathway has a rule per municipality");
        String minAge = pathway.ruleValue(1, "minAge");
        String maxAge = pathway.ruleValue(1, "maxAge");

        // The second rule for mothers from 40 up to 18: no one.
        PathwayEditorPage refused = pathway.type(1, "minAge", "40").type(1, "maxAge", "18").saveDraft();
        assertTrue(refused.problemMessage().isPresent(), "the page says the draft was not saved");
        assertEquals(List.of("rule-1"), refused.rulesMarkedWrong());
        assertEquals(List.of("De leeftijd 'vanaf' is hoger dan 'tot en met'."), refused.errorsAt(1));
        assertEquals(List.of(), refused.errorsAt(0));
        assertEquals(List.of("40", "18"), List.of(refused.ruleValue(1, "minAge"), refused.ruleValue(1, "maxAge")),
                "what she typed is kept");
        assertTrue(refused.doneMessage().isEmpty());

        PathwayEditorPage saved = refused.type(1, "minAge", minAge).type(1, "maxAge", maxAge).saveDraft();
        assertEquals("Het concept is opgeslagen. Verwijzers merken er pas iets van als je het publiceert.",
                saved.doneMessage().orElse(""));
        assertTrue(saved.problemMessage().isEmpty(), saved.problemMessage().toString());
        assertEquals(List.of(), saved.rulesMarkedWrong());
        assertEquals(List.of(minAge, maxAge), List.of(saved.ruleValue(1, "minAge"), saved.ruleValue(1, "maxAge")));

        // Published from tomorrow (or after the latest version, on a system where that is later), so today's
        // routes stay as they are.
        LocalDate from = firstFreeDate(saved.versions(), draft);
        PathwayEditorPage published = saved.publishFrom(from);
        assertEquals("Gepubliceerd. Vanaf de ingangsdatum vinden verwijzers deze routes.",
                published.doneMessage().orElse(""));
        assertTrue(published.problemMessage().isEmpty(), published.problemMessage().toString());
        assertTrue(published.versions().contains(new PathwayEditorPage.Version(draft, "gepubliceerd",
                DUTCH_DATE.format(from))), published.versions().toString());
        assertFalse(published.hasDraft(), "the draft became the published version");
        assertTrue(published.offersNewDraft());
    }

    @Test
    void veraPrintsTheRouteCardOfSmallingerlandOnOneA4() throws IOException {
        Browser vera = browsers.of("vera");
        vera.logsIn();

        RouteCardsPage cards = RouteCardsPage.openForMunicipalityIn(vera, SMALLINGERLAND);
        assertEquals(List.of(SMALLINGERLAND), cards.cardsShown());
        assertTrue(cards.isDisplayed(".site-header"), "on screen the page has its header");
        assertTrue(cards.lineOf(SMALLINGERLAND, "financial-debt").contains("Sociaal Wijkteam Smallingerland"),
                cards.lineOf(SMALLINGERLAND, "financial-debt"));

        cards.emulatePrint(true);
        vera.until(d -> cards.rendersAsPrint());
        assertFalse(cards.isDisplayed(".site-header"), "the navigation is not printed");
        assertFalse(cards.isDisplayed(".sub-nav"), "the region's navigation is not printed");
        assertFalse(cards.isDisplayed(".card-choice"), "the choice of municipality is not printed");
        assertTrue(cards.isDisplayed("section.route-card[data-municipality='" + SMALLINGERLAND + "']"));
        vera.screenshot("route-card-print");

        byte[] pdf = cards.printToPdf();
        Path file = Files.createDirectories(Path.of("target", "screenshots")).resolve("route-card.pdf");
        Files.write(file, pdf);
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        assertTrue(text.startsWith("%PDF-"), "a PDF");
        assertEquals(cards.cardsShown().size(), pages(text), "one A4 page per route card: " + file);
        assertTrue(text.contains("/Count " + cards.cardsShown().size()), "the page tree counts as many: " + file);
    }

    /**
     * Asks for the route preview again until it answers what is expected, and answers the last preview (the caller
     * asserts on it) when {@link Browser#WAIT} is over.
     */
    private static String showRouteUntil(Browser browser, NewReferralPage form,
                                         java.util.function.Predicate<String> expected) {
        String[] text = {form.showRoute()};
        if (expected.test(text[0])) {
            return text[0];
        }
        try {
            new WebDriverWait(browser.driver(), Browser.WAIT, CoveragePage.RELOAD_EVERY)
                    .until(driver -> expected.test(text[0] = form.showRoute()));
        } catch (TimeoutException e) {
            // The caller's assertion names what the preview said.
        }
        return text[0];
    }

    /**
     * Vera reopens the partner, as it was in the demo data; through the service's API if her browser cannot (it may
     * be what failed), so the scenarios after this one find the partner open.
     */
    private static void reopen(Browser vera) {
        try {
            PartnersPage partners = PartnersPage.openIn(vera).setCapacity(JGZ, "open");
            if (partners.capacityOf(JGZ).startsWith("open")) {
                return;
            }
        } catch (RuntimeException | AssertionError e) {
            System.out.println("[browser] vera could not reopen " + JGZ + " in the console: " + e);
        }
        given().baseUri(RunningSystem.url(ZorgpadService.PATHWAY)).auth().oauth2(DemoTokens.forUser("vera"))
                .contentType(ContentType.JSON).body("{\"status\":\"open\",\"waitlistWeeks\":null}")
                .put("/api/regions/" + REGION + "/partners/" + JGZ + "/capacity")
                .then().statusCode(200);
    }

    /** Tomorrow in the Netherlands, or the day after the latest date of another version if that is later. */
    private static LocalDate firstFreeDate(List<PathwayEditorPage.Version> versions, int draft) {
        LocalDate date = LocalDate.now(NETHERLANDS).plusDays(1);
        for (PathwayEditorPage.Version version : versions) {
            if (version.number() != draft && !version.effectiveFrom().isBlank()) {
                LocalDate effective = LocalDate.parse(version.effectiveFrom(), DUTCH_DATE);
                if (!effective.isBefore(date)) {
                    date = effective.plusDays(1);
                }
            }
        }
        return date;
    }

    /** The page objects of a PDF: {@code /Type /Page}, not {@code /Type /Pages} (the page tree). */
    private static long pages(String pdf) {
        return Pattern.compile("/Type\\s*/Page(?![A-Za-z])").matcher(pdf).results().count();
    }
}
