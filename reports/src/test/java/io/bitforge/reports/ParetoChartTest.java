package io.bitforge.reports;

import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.ParetoChart;
import io.bitforge.reports.chart.ParetoPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParetoChartTest {
    /**
     * Five designs by hand, (latency s, energy J, area mm²): a (1e-3, 10, 2), b (2e-3, 5, 4), c (3e-3, 6, 1) beaten
     * by b in latency and energy, d (4e-3, 1, 8), e (5e-3, 2, 8) beaten by d in all three. The latency-energy front
     * is a, b, d; over all three objectives c survives (smallest area), e does not.
     */
    static List<ParetoPoint> fiveDesigns() {
        return ParetoPoint.markDominated(List.of(
                new ParetoPoint("aaaaaaaaaaaaaaaa", "a 16x16 int8", 1e-3, 10, 2, false),
                new ParetoPoint("bbbbbbbbbbbbbbbb", "b 32x32 int8", 2e-3, 5, 4, false),
                new ParetoPoint("cccccccccccccccc", "c 8x8 int4", 3e-3, 6, 1, false),
                new ParetoPoint("dddddddddddddddd", "d 64x64 int4", 4e-3, 1, 8, false),
                new ParetoPoint("eeeeeeeeeeeeeeee", "e 64x64 int8", 5e-3, 2, 8, false)));
    }

    @Test
    void markDominatedUsesAllThreeObjectives() {
        List<Boolean> flags = fiveDesigns().stream().map(ParetoPoint::dominated).toList();
        assertEquals(List.of(false, false, false, false, true), flags);
    }

    @Test
    void joinedSeriesIsTheHandDerivedFront() {
        ParetoChart chart = new ParetoChart("five designs", fiveDesigns());
        XYDataset data = ((XYPlot) chart.chart().getPlot()).getDataset();
        assertEquals("Pareto front (latency, energy)", data.getSeriesKey(0));
        double[][] expected = {{1e-3, 10}, {2e-3, 5}, {4e-3, 1}};
        assertEquals(expected.length, data.getItemCount(0));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(Math.log10(expected[i][0]), data.getXValue(0, i), 1e-12);
            assertEquals(Math.log10(expected[i][1]), data.getYValue(0, i), 1e-12);
        }
        // Non-dominated markers a, b, c, d; the dominated (faded) one is e.
        assertEquals(4, data.getItemCount(1));
        assertEquals(1, data.getItemCount(2));
        assertEquals(Math.log10(5e-3), data.getXValue(2, 0), 1e-12);
    }

    @Test
    void joinedSeriesEqualsABruteForceFrontOnRandomDesigns() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            List<ParetoPoint> points = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                // Coarse values so ties and duplicates occur.
                points.add(new ParetoPoint("id" + i, "d" + i, 1 + random.nextInt(8), 1 + random.nextInt(8),
                        1 + random.nextInt(3), random.nextBoolean()));
            }
            List<double[]> expected = new ArrayList<>();
            for (ParetoPoint p : points) {
                boolean beaten = false;
                for (ParetoPoint q : points) {
                    beaten |= q.latencySeconds() <= p.latencySeconds() && q.energyJoules() <= p.energyJoules()
                            && (q.latencySeconds() < p.latencySeconds() || q.energyJoules() < p.energyJoules());
                }
                if (!beaten) {
                    expected.add(new double[] {p.latencySeconds(), p.energyJoules()});
                }
            }
            expected.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparingDouble(a -> a[1]));
            XYDataset data = ((XYPlot) new ParetoChart("t", points).chart().getPlot()).getDataset();
            assertEquals(expected.size(), data.getItemCount(0), "trial " + trial);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(Math.log10(expected.get(i)[0]), data.getXValue(0, i), 1e-12);
                assertEquals(Math.log10(expected.get(i)[1]), data.getYValue(0, i), 1e-12);
            }
            // Along the front latency rises and energy falls.
            for (int i = 1; i < expected.size(); i++) {
                assertTrue(data.getYValue(0, i) <= data.getYValue(0, i - 1));
            }
        }
    }

    @Test
    void svgHasHoverTitlesAxisLabelsAndLegendAndIsDeterministic() throws Exception {
        JFreeChart chart = new ParetoChart("Five designs", fiveDesigns()).chart();
        String svg = ChartRender.svg(chart, 900, 640, "bitforge-pareto-");
        ChartChecks.keep("pareto.svg", svg.getBytes(StandardCharsets.UTF_8));
        assertEquals(svg, ChartRender.svg(new ParetoChart("Five designs", fiveDesigns()).chart(), 900, 640,
                "bitforge-pareto-"));
        Document doc = ChartChecks.parseSvg(svg);
        String texts = ChartChecks.texts(doc);
        assertTrue(texts.contains("latency (s, log scale)"), texts);
        assertTrue(texts.contains("energy (J, log scale)"));
        assertTrue(texts.contains("Pareto front (latency, energy)"));
        assertTrue(texts.contains("dominated designs"));
        // Latencies 1..5 ms and energies 1..10 J span about one decade: ticks at 1, 1.5, 2, 3 ... in human units.
        assertTrue(texts.contains("1.5 ms") && texts.contains("2 ms") && texts.contains("5 ms"), texts);
        assertTrue(texts.contains("5 J") && texts.contains("10 J"), texts);
        var titles = doc.getElementsByTagNameNS("*", "title");
        List<String> hover = new ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            hover.add(titles.item(i).getTextContent());
        }
        assertEquals(5, hover.size(), "one title per design: " + hover);
        assertTrue(hover.stream().anyMatch(t -> t.startsWith("e 64x64 int8 (eeeeeeeeeeeeeeee)")
                && t.endsWith("dominated")), hover.toString());
        assertFalse(svg.contains("_" + "nanoTime"));
        ChartChecks.keep("pareto.svg", svg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pngIsTheAskedSizeAndNotBlank() throws Exception {
        byte[] png = ChartRender.png(new ParetoChart("Five designs", fiveDesigns()).chart(), 900, 640);
        ChartChecks.checkPng(png, 900, 640);
        ChartChecks.keep("pareto.png", png);
    }
}
