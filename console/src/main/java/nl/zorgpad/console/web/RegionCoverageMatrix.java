package nl.zorgpad.console.web;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import nl.zorgpad.console.client.Regions.Cell;
import nl.zorgpad.console.client.Regions.Coverage;
import nl.zorgpad.console.client.Regions.Gap;

/**
 * The coverage report as a table: one row per signal (by its name), one column group per municipality (in the
 * region's order) with a column per phase. Below it the white spots in words, per signal: no pathway at all, or per
 * municipality and phases the status and, for a partly routed cell, which cases find no open route.
 */
public record RegionCoverageMatrix(List<Column> municipalities, List<String> phases, List<Row> rows,
                                   List<SignalGaps> whiteSpots) {

    /** The phases of the first 1000 days, in their order. */
    static final List<String> PHASES = List.of("preconception", "pregnancy", "postpartum");

    public record Column(String code, String name) {
    }

    /** A signal's row; {@code cells} in column order, a missing cell (the report did not have it) is null. */
    public record Row(String signalType, String label, String pathwayId, List<Cell> cells, long whiteSpots) {
    }

    /** A signal's white spots: no pathway in force at all, or the places where (some) cases find no route. */
    public record SignalGaps(String signalType, String label, String pathwayId, boolean noPathway,
                             List<PlaceGap> places) {
    }

    /** One municipality's phases with the same outcome ({@code uncovered} only for partly routed ones). */
    public record PlaceGap(String municipalityCode, String municipalityName, List<String> phases, String status,
                           List<Gap> uncovered) {

        public boolean isEveryPhase() {
            return phases.size() == PHASES.size();
        }
    }

    /** Groups the report's cells; {@code label} gives a signal code's name in the page's language. */
    static RegionCoverageMatrix of(Coverage coverage, Function<String, String> label) {
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Map<String, Cell>> bySignal = new LinkedHashMap<>();
        for (Cell cell : coverage.cells()) {
            columns.putIfAbsent(cell.municipalityCode(), new Column(cell.municipalityCode(),
                    cell.municipalityName()));
            bySignal.computeIfAbsent(cell.signalType(), k -> new LinkedHashMap<>())
                    .put(cell.municipalityCode() + "/" + cell.phase(), cell);
        }
        List<Row> rows = new ArrayList<>();
        List<SignalGaps> gaps = new ArrayList<>();
        bySignal.forEach((signal, cellsByKey) -> {
            List<Cell> cells = new ArrayList<>();
            for (Column column : columns.values()) {
                for (String phase : PHASES) {
                    cells.add(cellsByKey.get(column.code() + "/" + phase));
                }
            }
            String pathwayId = cells.stream().filter(Objects::nonNull).map(Cell::pathwayId)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            long white = cells.stream().filter(c -> c != null && c.isWhiteSpot()).count();
            String name = label.apply(signal);
            rows.add(new Row(signal, name, pathwayId, cells, white));
            if (white > 0) {
                boolean noPathway = cells.stream().filter(Objects::nonNull)
                        .allMatch(c -> c.pathwayVersion() == null);
                gaps.add(new SignalGaps(signal, name, pathwayId, noPathway,
                        noPathway ? List.of() : places(columns.values(), cellsByKey)));
            }
        });
        Comparator<String> byName = Comparator.comparing(String::toLowerCase);
        rows.sort(Comparator.comparing(Row::label, byName));
        gaps.sort(Comparator.comparing(SignalGaps::label, byName));
        return new RegionCoverageMatrix(List.copyOf(columns.values()), PHASES, List.copyOf(rows), List.copyOf(gaps));
    }

    /** Per municipality, runs of phases with the same white-spot outcome merged into one line. */
    private static List<PlaceGap> places(Iterable<Column> columns, Map<String, Cell> cells) {
        List<PlaceGap> places = new ArrayList<>();
        for (Column column : columns) {
            PlaceGap open = null;
            for (String phase : PHASES) {
                Cell cell = cells.get(column.code() + "/" + phase);
                if (cell == null || !cell.isWhiteSpot()) {
                    open = null;
                    continue;
                }
                if (open != null && open.status().equals(cell.status()) && open.uncovered().equals(cell.uncovered())) {
                    open.phases().add(phase);
                    continue;
                }
                open = new PlaceGap(column.code(), column.name(), new ArrayList<>(List.of(phase)), cell.status(),
                        cell.uncovered());
                places.add(open);
            }
        }
        return places.stream().map(p -> new PlaceGap(p.municipalityCode(), p.municipalityName(),
                List.copyOf(p.phases()), p.status(), p.uncovered())).toList();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The class of a cell of this status ({@code coverage:cellClass(status)}): {@code cell--routed},
     * {@code cell--partly-routed}, {@code cell--closed-only} or {@code cell--not-routed} without the prefix.
     */
    @TemplateExtension(namespace = "coverage")
    static String cellClass(String status) {
        return Cell.ONLY_CLOSED.equals(status) ? "closed-only" : status;
    }
}
