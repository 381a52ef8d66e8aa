package io.bitforge.simulation.reproduce;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ISAAC vs DaDianNao (examples/reproduce/isaac) through the engine, against the two designs' rules written out here
 * independently: ISAAC's crossbar MVM of a 16-bit input takes 16 crossbar cycles of 100 ns (ISAAC Section IV), a
 * layer takes ceil(K/128) x ceil(N/16) crossbars (16-bit weights over 8 columns of 2-bit cells) and its copies in the
 * 4 x 16128 crossbars share its M input vectors; DaDianNao's NFUs take ceil(K/256) x ceil(N/64) x M cycles at
 * 606 MHz (the reproduction's 256 x 64 split).
 */
class IsaacReproductionTest {
    private static final Path DIR = Path.of("..", "examples", "reproduce", "isaac");
    private static final double MVM_SECONDS = 16 * 100e-9;
    private static final long CROSSBARS = 4L * 168 * 12 * 8;
    private static ReproductionFile file;
    private static Reproduction.Result result;

    @BeforeAll
    static void run() {
        file = ReproductionFile.read(DIR.resolve("reproduction.yaml"));
        result = Reproduction.run("isaac", file, Registry.load());
    }

    private static long[] mkn(LayerList.Layer layer) {
        if (!layer.conv()) {
            return new long[] {layer.tokens(), layer.channels(), layer.filters()};
        }
        long oh = (layer.height() + 2 * layer.padHeight() - layer.kernelHeight()) / layer.stride() + 1;
        long ow = (layer.width() + 2 * layer.padWidth() - layer.kernelWidth()) / layer.stride() + 1;
        return new long[] {oh * ow, layer.kernelHeight() * layer.kernelWidth() * layer.channels(), layer.filters()};
    }

    private static double isaacSeconds(LayerList layers) {
        double seconds = 0;
        for (LayerList.Layer layer : layers.layers()) {
            long[] g = mkn(layer);
            long needed = ceil(g[1], 128) * ceil(g[2], 16);
            assertTrue(needed <= CROSSBARS, layer.name() + " fits the four chips");
            seconds += ceil(g[0], CROSSBARS / needed) * MVM_SECONDS;
        }
        return seconds;
    }

    private static double dadiannaoSeconds(LayerList layers) {
        double cycles = 0;
        for (LayerList.Layer layer : layers.layers()) {
            long[] g = mkn(layer);
            cycles += ceil(g[1], 256) * ceil(g[2], 64) * g[0];
        }
        return cycles / 606e6;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    private static Reproduction.Row row(String model, String design) {
        return result.rows().stream().filter(r -> r.model().equals(model) && r.design().equals(design))
                .findFirst().orElseThrow();
    }

    @Test
    void timesFollowBothDesignsRules() {
        for (ReproductionFile.Model model : file.models()) {
            LayerList layers = LayerList.read(model.layers());
            assertEquals(isaacSeconds(layers), row(model.name(), "isaac").seconds(), 1e-12, model.name());
            assertEquals(dadiannaoSeconds(layers), row(model.name(), "dadiannao").seconds(), 1e-12, model.name());
        }
    }

    @Test
    void headlinesFromTheRulesAndThePublishedChips() {
        double areaIsaac = 4 * 85.4;
        double areaDadiannao = 4 * 67.73 * TechScaling.areaFactor(TechNode.N28, TechNode.N32);
        double wattsIsaac = 4 * 65.8;
        double wattsDadiannao = 4 * 15.97 * TechScaling.energyFactor(TechNode.N28, TechNode.N32);
        double throughput = 0;
        double energy = 0;
        double density = 0;
        for (ReproductionFile.Model model : file.models()) {
            LayerList layers = LayerList.read(model.layers());
            double ratio = dadiannaoSeconds(layers) / isaacSeconds(layers);
            throughput += ratio / 4;
            energy += ratio * wattsDadiannao / wattsIsaac / 4;
            density += ratio * areaDadiannao / areaIsaac / 4;
        }
        assertEquals(throughput, result.ratios().get(0).value(), 1e-9);
        assertEquals(energy, result.ratios().get(1).value(), 1e-9);
        assertEquals(density, result.ratios().get(2).value(), 1e-9);
    }

    /**
     * Where BitForge lands against the abstract, checked against figures derived by hand, not the engine's output.
     * Peak MACs per second per chip, from the published configurations: ISAAC 16128 crossbars x 128 rows x 16 16-bit
     * weights (128 columns of 2-bit cells, 8 per weight) per 16 x 100 ns MVM = 2.064e13 (ISAAC Section IV, Table
     * II); DaDianNao 16 tiles x 256 multipliers x 606 MHz = 2.482e12 (DaDianNao, MICRO 2014): a peak ratio of 8.32.
     * With every DaDianNao NFU busy (the 256 x 64 split) and VGG filling ISAAC's crossbars, the measured throughput
     * ratio stays within 10% of that peak ratio, and so more than 10% under the abstract's 14.8x
     * (docs/reproductions.md: what separates them is DaDianNao's layer split). Energy and density follow from it by
     * the published chip power and area, so they sit on the same side of the paper as their derivation says.
     */
    @Test
    void headlinesAgainstTheAbstract() {
        double isaacPeakMacsPerSecond = 16128.0 * 128 * 16 / (16 * 100e-9);
        double dadiannaoPeakMacsPerSecond = 16.0 * 256 * 606e6;
        double peakRatio = isaacPeakMacsPerSecond / dadiannaoPeakMacsPerSecond;
        assertEquals(8.316, peakRatio, 0.001); // the hand-derived figure the docs quote (41.3 vs 4.96 TOPS)
        Reproduction.RatioResult throughput = result.ratios().get(0);
        Reproduction.RatioResult energy = result.ratios().get(1);
        Reproduction.RatioResult density = result.ratios().get(2);
        assertEquals(14.8, throughput.paper());
        assertEquals(5.5, energy.paper());
        assertEquals(7.5, density.paper());
        assertEquals(peakRatio, throughput.value(), peakRatio * 0.10, "throughput near the peak ratio");
        assertTrue(throughput.value() < 14.8 * 0.90, "throughput under the abstract: " + throughput.value());
        // energy ratio = throughput ratio x DaDianNao's power (scaled to 32 nm) over ISAAC's: 84.0 W / 263.2 W < 1
        double powerRatio = 4 * 15.97 * TechScaling.energyFactor(TechNode.N28, TechNode.N32) / (4 * 65.8);
        assertTrue(powerRatio > 0.30 && powerRatio < 0.33, "power ratio " + powerRatio);
        assertTrue(energy.value() < 5.5 * 0.90, "energy under the abstract: " + energy.value());
        // density ratio = throughput ratio x DaDianNao's area (scaled to 32 nm) over ISAAC's: above 1, so above 7.5
        double areaRatio = 4 * 67.73 * TechScaling.areaFactor(TechNode.N28, TechNode.N32) / (4 * 85.4);
        assertTrue(areaRatio > 1, "area ratio " + areaRatio);
        assertTrue(density.value() > 7.5, "density above the abstract: " + density.value());
    }

    /** With DaDianNao's tiles split over filters only, VGG's 64- and 128-filter layers leave most NFUs idle. */
    @Test
    void filtersOnlySplitMovesEveryHeadline() {
        Sensitivity.Variant v = Reproductions.switched("isaac", DIR.resolve("reproduction.yaml"), Registry.load(),
                "DaDianNao's layer split");
        assertTrue(v.refused().isEmpty());
        assertTrue(v.headlines().get(0).value() > 14.8, "filters-only DaDianNao: " + v.headlines().get(0).value());
    }
}
