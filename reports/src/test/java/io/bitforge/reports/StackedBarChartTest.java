package io.bitforge.reports;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.CostBreakdowns;
import io.bitforge.reports.chart.StackedBarChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackedBarChartTest {
    /** Two designs' costs by hand; energies in pJ. */
    static List<CostBreakdowns.Labelled> costs() {
        CostReport a = new CostReport(new CycleBreakdown(1_200_000, 300_000, 40_000, 60_000), ActionCounts.ZERO,
                EnergyBreakdown.of(Map.of(EnergyCategory.MAC, 2.0e6, EnergyCategory.SRAM_READ, 1.5e6,
                        EnergyCategory.SRAM_WRITE, 0.25e6, EnergyCategory.DRAM, 4.0e6)), Map.of(), List.of());
        CostReport b = new CostReport(new CycleBreakdown(2_000_000, 0, 80_000, 60_000), ActionCounts.ZERO,
                EnergyBreakdown.of(Map.of(EnergyCategory.MAC, 1.0e6, EnergyCategory.DECODE, 0.5e6,
                        EnergyCategory.SRAM_READ, 1.0e6, EnergyCategory.DRAM, 2.0e6)), Map.of(), List.of());
        return List.of(new CostBreakdowns.Labelled("int8 32x32", a), new CostBreakdowns.Labelled("ovp 32x32", b));
    }

    @Test
    void energyStacksSumToTheTotalsAndSkipEmptyCategories() {
        StackedBarChart chart = CostBreakdowns.energy("Energy by category", "design", costs());
        // Largest total: a = 2 + 1.5 + 0.25 + 4 = 7.75e6 pJ = 7.75 µJ, so the axis is in µJ.
        assertEquals("µJ", chart.unit().name());
        DefaultCategoryDataset data = chart.dataset();
        assertEquals(List.of("MAC", "decode", "SRAM read", "SRAM write", "DRAM"), data.getRowKeys());
        double[] totals = {7.75, 4.5};
        for (int column = 0; column < 2; column++) {
            double sum = 0;
            for (int row = 0; row < data.getRowCount(); row++) {
                sum += data.getValue(row, column).doubleValue();
            }
            assertEquals(totals[column], sum, 1e-12);
            assertEquals(costs().get(column).cost().totalPicojoules() / 1e6, sum, 1e-12);
        }
    }

    @Test
    void cycleStacksSumToTheTotals() {
        StackedBarChart chart = CostBreakdowns.cycles("Cycles by cause", "design", costs());
        DefaultCategoryDataset data = chart.dataset();
        assertEquals("millions", chart.unit().name());
        // a: 1.2 + 0.3 + 0.04 + 0.06 = 1.6 M; b has no stall: 2 + 0.08 + 0.06 = 2.14 M.
        double[] totals = {1.6, 2.14};
        for (int column = 0; column < 2; column++) {
            double sum = 0;
            for (int row = 0; row < data.getRowCount(); row++) {
                sum += data.getValue(row, column).doubleValue();
            }
            assertEquals(totals[column], sum, 1e-12);
        }
        assertEquals(0.3, data.getValue("memory stall", "int8 32x32").doubleValue(), 1e-12);
    }

    @Test
    void svgAndPngShowAxisLabelsAndSeries() throws Exception {
        StackedBarChart chart = CostBreakdowns.energy("Energy by category", "design", costs());
        String svg = ChartRender.svg(chart.chart(), 800, 560, "bitforge-energy-");
        ChartChecks.keep("energy.svg", svg.getBytes(StandardCharsets.UTF_8));
        assertEquals(svg, ChartRender.svg(CostBreakdowns.energy("Energy by category", "design", costs()).chart(),
                800, 560, "bitforge-energy-"));
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        for (String expected : List.of("energy (µJ)", "design", "MAC", "SRAM read", "DRAM", "int8 32x32")) {
            assertTrue(texts.contains(expected), expected + " in " + texts);
        }
        byte[] png = ChartRender.png(chart.chart(), 800, 560);
        ChartChecks.checkPng(png, 800, 560);
        ChartChecks.keep("energy.png", png);
        ChartChecks.keep("energy.svg", svg.getBytes(StandardCharsets.UTF_8));
        ChartChecks.keep("cycles.png", ChartRender.png(CostBreakdowns.cycles("Cycles by cause", "design", costs())
                .chart(), 800, 560));
    }
}
