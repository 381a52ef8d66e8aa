package io.bitforge.reports;

import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.reports.chart.ChartRender;
import io.bitforge.reports.chart.PeComparison;
import io.bitforge.reports.chart.PeComparisonChart;
import io.bitforge.reports.chart.PeFigure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeComparisonTest {
    private static final Registry REGISTRY = Registry.load();
    private static final HardwareSpec BASE = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw");

    private static List<PeFigure> figures() {
        return PeComparison.run(REGISTRY, BASE, 512, 512, 512);
    }

    @Test
    void everyRegisteredFamilyAppears() {
        Set<String> families = figures().stream().map(PeFigure::family).collect(Collectors.toSet());
        assertEquals(Set.copyOf(REGISTRY.ids(CatalogKind.PES)), families);
    }

    @Test
    void macIntIsTriedAtEveryWidthItsValidationAccepts() {
        // mac-int takes 2..16-bit operands (MacIntParams), so all four symmetric widths appear.
        List<String> widths = figures().stream().filter(f -> f.family().equals("mac-int")).map(PeFigure::weights)
                .toList();
        assertEquals(List.of("int2", "int4", "int8", "int16"), widths);
    }

    @Test
    void macInt8ThroughputFollowsScaleSimOutputStationaryCycles() {
        PeFigure int8 = figures().stream().filter(f -> f.family().equals("mac-int") && f.weights().equals("int8"))
                .findFirst().orElseThrow();
        // SCALE-Sim v2 (commit 22f88b1, stall-free) gives 93 for M = N = K = 32 on a 32x32 output-stationary
        // array: the index of the last cycle of one fold of K + rows + cols - 2 = 94 cycles. GEMM 512^3 on the
        // same array: 16 x 16 = 256 folds of 512 + 32 + 32 - 2 = 574 cycles = 146,944 cycles at 1 GHz;
        // 2 * 512^3 = 268,435,456 ops -> 1.8268 TOP/s over the whole PE array.
        double teraOpsPerSecond = 2.0 * 512 * 512 * 512 / (256 * 574 / 1e9) / 1e12;
        assertEquals(256 * 574, int8.cycles());
        assertEquals(teraOpsPerSecond, int8.teraOpsPerSecondPerSquareMillimetre() * int8.areaSquareMillimetres(),
                1e-9 * teraOpsPerSecond);
    }

    @Test
    void narrowerIntegerMacsCostLessEnergyPerOp() {
        List<PeFigure> macInt = figures().stream().filter(f -> f.family().equals("mac-int")).toList();
        for (int i = 1; i < macInt.size(); i++) {
            assertTrue(macInt.get(i - 1).picojoulesPerOp() < macInt.get(i).picojoulesPerOp(), macInt.toString());
        }
    }

    @Test
    void chartHasOneSeriesPerFamilyAndRenders() throws Exception {
        PeComparisonChart chart = new PeComparisonChart("PE families at 28nm", "28nm, 1000 MHz, 32×32 cells, "
                + "GEMM 512×512×512, PE-array area only", figures());
        String svg = ChartRender.svg(chart.chart(), 1000, 700, "bitforge-pe-");
        ChartChecks.keep("pe-comparison.svg", svg.getBytes(StandardCharsets.UTF_8));
        String texts = ChartChecks.texts(ChartChecks.parseSvg(svg));
        for (String family : REGISTRY.ids(CatalogKind.PES)) {
            assertTrue(texts.contains(family), family);
        }
        assertTrue(texts.contains("energy per op (J, log scale; 1 MAC = 2 ops)"));
        assertTrue(texts.contains("throughput per PE-array area (OP/s per mm², log scale)"));
        // Ticks in human units: a 28nm MAC costs about a picojoule per op and does TOP/s per mm² (or GOP/s).
        assertTrue(java.util.regex.Pattern.compile("\\d pJ").matcher(texts).find(), texts);
        assertTrue(java.util.regex.Pattern.compile("\\d [GT]OP/s").matcher(texts).find(), texts);
        byte[] png = ChartRender.png(chart.chart(), 1000, 700);
        ChartChecks.checkPng(png, 1000, 700);
        ChartChecks.keep("pe-comparison.png", png);
        ChartChecks.keep("pe-comparison.svg", svg.getBytes(StandardCharsets.UTF_8));
    }
}
