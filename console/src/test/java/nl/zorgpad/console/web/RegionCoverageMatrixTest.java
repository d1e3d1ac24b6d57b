package nl.zorgpad.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgpad.console.client.Regions.Cell;
import nl.zorgpad.console.client.Regions.Coverage;
import nl.zorgpad.console.client.Regions.Gap;
import nl.zorgpad.console.client.Regions.Summary;
import org.junit.jupiter.api.Test;

class RegionCoverageMatrixTest {

    private static final Map<String, String> LABELS = Map.of("financial-debt", "Schulden", "alcohol", "Alcohol",
            "teen-parent", "Tienerouder");
    private static final Gap SELF_RELIANT = new Gap("not-routed", List.of(), List.of("self-reliant"), List.of(),
            null, null);

    @Test
    void rowsAreSignalsByNameAndColumnsMunicipalitiesInTheRegionsOrderWithThreePhases() {
        List<Cell> cells = new ArrayList<>();
        // The service lists cells by signal code, then municipality (region order), then phase.
        for (String signal : List.of("alcohol", "financial-debt", "teen-parent")) {
            for (String[] m : new String[][] {{"GM0090", "Smallingerland"}, {"GM0086", "Opsterland"}}) {
                for (String phase : List.of("preconception", "pregnancy", "postpartum")) {
                    cells.add(new Cell(signal, m[0], m[1], phase, "routed", "pw-" + signal, 1, List.of()));
                }
            }
        }
        RegionCoverageMatrix matrix = RegionCoverageMatrix.of(coverage(cells), LABELS::get);

        assertEquals(List.of("GM0090", "GM0086"), matrix.municipalities().stream()
                .map(RegionCoverageMatrix.Column::code).toList());
        assertEquals(List.of("Alcohol", "Schulden", "Tienerouder"), matrix.rows().stream()
                .map(RegionCoverageMatrix.Row::label).toList());
        List<Cell> debts = matrix.rows().get(1).cells();
        assertEquals(6, debts.size());
        assertEquals("GM0086", debts.get(3).municipalityCode());
        assertEquals("preconception", debts.get(3).phase());
        assertEquals("postpartum", debts.get(5).phase());
        assertEquals("pw-financial-debt", matrix.rows().get(1).pathwayId());
        assertTrue(matrix.whiteSpots().isEmpty());
    }

    @Test
    void aSignalWithoutAVersionInForceIsOneWhiteSpotForTheWholeRegion() {
        List<Cell> cells = List.of(
                new Cell("teen-parent", "GM0090", "Smallingerland", "preconception", "not-routed", null, null, null),
                new Cell("teen-parent", "GM0090", "Smallingerland", "pregnancy", "not-routed", null, null, null),
                new Cell("teen-parent", "GM0090", "Smallingerland", "postpartum", "not-routed", null, null, null));

        RegionCoverageMatrix matrix = RegionCoverageMatrix.of(coverage(cells), LABELS::get);

        assertEquals(1, matrix.whiteSpots().size());
        RegionCoverageMatrix.SignalGaps gaps = matrix.whiteSpots().get(0);
        assertTrue(gaps.noPathway());
        assertTrue(gaps.places().isEmpty());
        assertNull(gaps.pathwayId());
        assertEquals(3, matrix.rows().get(0).whiteSpots());
    }

    @Test
    void phasesOfAMunicipalityWithTheSameOutcomeAreOneLineAndOtherOutcomesLinesOfTheirOwn() {
        List<Cell> cells = List.of(
                new Cell("alcohol", "GM0090", "Smallingerland", "preconception", "only-closed", "pw-a", 2, null),
                new Cell("alcohol", "GM0090", "Smallingerland", "pregnancy", "only-closed", "pw-a", 2, null),
                new Cell("alcohol", "GM0090", "Smallingerland", "postpartum", "only-closed", "pw-a", 2, null),
                new Cell("alcohol", "GM0086", "Opsterland", "preconception", "not-routed", "pw-a", 2, null),
                new Cell("alcohol", "GM0086", "Opsterland", "pregnancy", "partly-routed", "pw-a", 2,
                        List.of(SELF_RELIANT)),
                new Cell("alcohol", "GM0086", "Opsterland", "postpartum", "routed", "pw-a", 2, null));

        RegionCoverageMatrix matrix = RegionCoverageMatrix.of(coverage(cells), LABELS::get);

        RegionCoverageMatrix.SignalGaps gaps = matrix.whiteSpots().get(0);
        assertFalse(gaps.noPathway());
        assertEquals("pw-a", gaps.pathwayId());
        assertEquals(3, gaps.places().size());
        RegionCoverageMatrix.PlaceGap closed = gaps.places().get(0);
        assertEquals("Smallingerland", closed.municipalityName());
        assertTrue(closed.isEveryPhase());
        assertEquals("only-closed", closed.status());
        assertEquals(List.of("preconception"), gaps.places().get(1).phases());
        assertEquals("not-routed", gaps.places().get(1).status());
        assertEquals(List.of("pregnancy"), gaps.places().get(2).phases());
        assertEquals(List.of(SELF_RELIANT), gaps.places().get(2).uncovered());
        assertEquals(5, matrix.rows().get(0).whiteSpots());
    }

    @Test
    void partlyRoutedPhasesWithDifferentGapsAreNotMerged() {
        Gap urgent = new Gap("not-routed", List.of(), List.of(), List.of("urgent"), null, null);
        List<Cell> cells = List.of(
                new Cell("alcohol", "GM0090", "Smallingerland", "preconception", "partly-routed", "pw-a", 1,
                        List.of(SELF_RELIANT)),
                new Cell("alcohol", "GM0090", "Smallingerland", "pregnancy", "partly-routed", "pw-a", 1,
                        List.of(urgent)),
                new Cell("alcohol", "GM0090", "Smallingerland", "postpartum", "partly-routed", "pw-a", 1,
                        List.of(urgent)));

        List<RegionCoverageMatrix.PlaceGap> places = RegionCoverageMatrix.of(coverage(cells), LABELS::get)
                .whiteSpots().get(0).places();

        assertEquals(2, places.size());
        assertEquals(List.of("pregnancy", "postpartum"), places.get(1).phases());
    }

    @Test
    void onlyClosedCellsGetTheClassTheBrowserTestsLookFor() {
        assertEquals("closed-only", RegionCoverageMatrix.cellClass("only-closed"));
        assertEquals("not-routed", RegionCoverageMatrix.cellClass("not-routed"));
        assertEquals("partly-routed", RegionCoverageMatrix.cellClass("partly-routed"));
    }

    private static Coverage coverage(List<Cell> cells) {
        return new Coverage("region-zuidoost-friesland", "VSV Zuidoost-Friesland", LocalDate.of(2026, 12, 2),
                new Summary(0, 0, 0, 0), cells, 30, List.of());
    }
}
