package io.bitforge.reports;

import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.ObjectiveAxis;
import io.bitforge.reports.chart.ObjectivesParetoChart;
import io.bitforge.reports.chart.ParetoDesign;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ObjectivesParetoChartTest {
    private static final ObjectiveAxis LATENCY = new ObjectiveAxis("latency", "s", true, false);
    private static final ObjectiveAxis ENERGY = new ObjectiveAxis("energy", "J", true, false);
    private static final ObjectiveAxis AREA = new ObjectiveAxis("area", "mm²", false, false);
    private static final ObjectiveAxis THROUGHPUT = new ObjectiveAxis("tokens-per-second-per-mm2", "tokens/s/mm²",
            false, true);

    /**
     * Five designs by hand, (latency s, energy J, area mm²): a (1e-3, 10, 2), b (2e-3, 5, 4), c (3e-3, 6, 1) beaten
     * by b in latency and energy, d (4e-3, 1, 8), e (5e-3, 2, 8) beaten by d in all three. The latency-energy front
     * is a, b, d; over all three objectives c joins it (smallest area) and e stays off.
     */
    private static List<ParetoDesign> fiveDesigns(int objectives) {
        double[][] v = {{1e-3, 10, 2}, {2e-3, 5, 4}, {3e-3, 6, 1}, {4e-3, 1, 8}, {5e-3, 2, 8}};
        String[] families = {"mac-int", "mac-int", "lut", "bitfusion", "lut"};
        List<ParetoDesign> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            String id = String.valueOf((char) ('a' + i)).repeat(16);
            out.add(new ParetoDesign(id, "design " + (char) ('a' + i), families[i],
                    java.util.Arrays.copyOf(v[i], objectives)));
        }
        return out;
    }

    @Test
    void twoObjectivesDrawTheirOwnAxesTheFrontAndOneLegendEntryPerFamily() throws Exception {
        ObjectivesParetoChart chart = new ObjectivesParetoChart("t", List.of(LATENCY, ENERGY), fiveDesigns(2));
        assertEquals(List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "dddddddddddddddd"),
                chart.front().stream().map(ParetoDesign::designId).toList());
        assertEquals(List.of("Pareto front (3 of 5 designs)", "bitfusion", "lut", "mac-int"), chart.legendEntries());
        XYDataset data = ((XYPlot) ((JFreeChart) chart.drawing()).getPlot()).getDataset();
        // Series 0 is the front joined in latency order; then one series per family with all its designs.
        assertEquals(3, data.getItemCount(0));
        assertEquals(Math.log10(4e-3), data.getXValue(0, 2), 1e-12);
        assertEquals(Math.log10(1), data.getYValue(0, 2), 1e-12);
        assertEquals(1, data.getItemCount(1));
        assertEquals(2, data.getItemCount(2));
        assertEquals(2, data.getItemCount(3));
        String svg = ChartRender.svg(chart.drawing(), 1000, 700, "bitforge-pareto-");
        ChartChecks.keep("objectives-pareto.svg", svg.getBytes(StandardCharsets.UTF_8));
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        assertTrue(texts.contains("latency (s)"), texts);
        assertTrue(texts.contains("energy (J)"), texts);
        assertTrue(texts.contains("Pareto front (3 of 5 designs)"), texts);
        assertTrue(texts.contains("bitfusion") && texts.contains("mac-int"), texts);
        // Latency spans 1..5 ms (less than a decade): ticks at 1, 1.5, 2, 3, 4, 5 ms, not only at decades.
        assertTrue(texts.contains("2 ms") && texts.contains("4 ms"), texts);
        assertTrue(svg.contains("<title>design c (cccccccccccccccc): latency 3.00 ms, energy 6.00 J, dominated"),
                "hover text");
        assertEquals(svg, ChartRender.svg(new ObjectivesParetoChart("t", List.of(LATENCY, ENERGY), fiveDesigns(2))
                .drawing(), 1000, 700, "bitforge-pareto-"), "deterministic");
    }

    @Test
    void threeObjectivesDrawAMatrixOfPairsWithTheFrontOverAllThree() throws Exception {
        ObjectivesParetoChart chart = new ObjectivesParetoChart("t", List.of(LATENCY, ENERGY, AREA),
                fiveDesigns(3));
        assertEquals(List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb", "cccccccccccccccc", "dddddddddddddddd"),
                chart.front().stream().map(ParetoDesign::designId).toList());
        String svg = ChartRender.svg(chart.drawing(), 1000, 880, "bitforge-pareto-");
        ChartChecks.keep("objectives-pareto-matrix.svg", svg.getBytes(StandardCharsets.UTF_8));
        ChartChecks.checkPng(ChartRender.png(chart.drawing(), 1000, 880), 1000, 880);
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        // Pairs (latency, energy), (latency, area), (energy, area): latency across twice, energy up once, etc.
        assertEquals(2, count(texts, "latency (s)"), texts);
        assertEquals(2, count(texts, "energy (J)"), texts);
        assertEquals(2, count(texts, "area (mm²)"), texts);
        assertTrue(texts.contains("Pareto front (4 of 5 designs)"), texts);
    }

    @Test
    void aMaximisedObjectiveCountsLargerAsBetter() {
        // Throughput per area: a 10, b 20 with equal latency: b dominates a.
        List<ParetoDesign> designs = List.of(new ParetoDesign("a", "a", "mac-int", new double[] {1, 10}),
                new ParetoDesign("b", "b", "mac-int", new double[] {1, 20}));
        ObjectivesParetoChart chart = new ObjectivesParetoChart("t", List.of(LATENCY, THROUGHPUT), designs);
        assertEquals(List.of("b"), chart.front().stream().map(ParetoDesign::designId).toList());
        assertTrue(THROUGHPUT.title().contains("higher is better"));
    }

    private static int count(String text, String word) {
        int n = 0;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aNarrowAxisGetsEvenlySpacedRoundTicks() throws Exception {
        // Energies 1.11 to 1.20 J (a tenth of a decade): ticks every 0.05 J or so, not a lone "1 J".
        List<ParetoDesign> designs = List.of(new ParetoDesign("a", "a", "mac-int", new double[] {1.11, 3}),
                new ParetoDesign("b", "b", "mac-int", new double[] {1.20, 2}),
                new ParetoDesign("c", "c", "lut", new double[] {1.15, 1}));
        String svg = ChartRender.svg(new ObjectivesParetoChart("t", List.of(ENERGY, LATENCY), designs).drawing(),
                1000, 700, "bitforge-pareto-");
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        long energyTicks = texts.lines().filter(l -> l.matches("[0-9.]+ (m)?J")).count();
        assertTrue(energyTicks >= 3, "ticks on the energy axis: " + texts);
    }
}
