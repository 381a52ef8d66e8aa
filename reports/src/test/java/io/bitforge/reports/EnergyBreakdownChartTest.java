package io.bitforge.reports;

import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.CostBreakdowns;
import io.bitforge.reports.chart.EnergyBreakdownChart;
import org.jfree.data.category.DefaultCategoryDataset;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnergyBreakdownChartTest {
    @Test
    void everyCategoryIsItsOwnBarOnALogAxisAndDramShareIsNamed() throws Exception {
        // StackedBarChartTest's two designs: a = MAC 2, SRAM read 1.5, SRAM write 0.25, DRAM 4 (µJ);
        // b = MAC 1, decode 0.5, SRAM read 1, DRAM 2. DRAM share (4 + 2) / (7.75 + 4.5) = 48.98%.
        EnergyBreakdownChart chart = CostBreakdowns.energyByCategory("Energy", "design", StackedBarChartTest.costs());
        assertEquals(List.of("MAC", "decode", "SRAM read", "SRAM write", "DRAM"), chart.categories());
        assertEquals(6.0 / 12.25, chart.dramShare(), 1e-12);
        DefaultCategoryDataset data = chart.dataset();
        // 0.25 µJ = 2.5e-7 J, drawn at log10; a's decode is zero: no bar.
        assertEquals(Math.log10(2.5e-7), data.getValue("SRAM write", "int8 32x32").doubleValue(), 1e-12);
        assertNull(data.getValue("decode", "int8 32x32"));
        String svg = ChartRender.svg(chart.chart(), 1000, 700, "bitforge-energy-");
        ChartChecks.keep("energy-log.svg", svg.getBytes(StandardCharsets.UTF_8));
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        for (String legend : List.of("MAC", "decode", "SRAM read", "SRAM write", "DRAM")) {
            assertTrue(texts.contains(legend), legend);
        }
        assertTrue(texts.contains("DRAM is 49.0% of all energy"), texts);
        assertTrue(texts.contains("energy (J, log scale)"), texts);
    }
}
