package io.bitforge.simulation.reproduce;

import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LUT Tensor Core vs a conventional LUT design (the lut family with tables built in each unit, no symmetrisation and
 * a square-ish tile), run from examples/reproduce/lut-tc through the engine against the abstract's 1.44x.
 */
class LutTcReproductionTest {
    private static final Path FILE = Path.of("..", "examples", "reproduce", "lut-tc", "reproduction.yaml");
    private static final String DENSITY = "compute density LUT Tensor Core vs conventional LUT";
    private static final String ENERGY = "energy efficiency LUT Tensor Core vs conventional LUT";
    private static Reproduction.Result result;

    @BeforeAll
    static void run() {
        result = Reproduction.run("lut-tc", ReproductionFile.read(FILE), Registry.load());
    }

    /**
     * By hand: both units hold 128 outputs over 4 activations (the same area in the family's table) and the two
     * grids take the same number of folds on these shapes (M/4 x N/128 against M/16 x N/32); INT2 weights take 2
     * cycles per step on LUT Tensor Core and 2 + 1 on the baseline, which builds its tables itself. Density is
     * throughput per area, so 3 / 2 = 1.5 within the folds' fill and the buffers' area (3%); that is within 10% of
     * the abstract's 1.44x.
     */
    @Test
    void densityIsTheTableBuildCycleAndWithinTenPercent() {
        Reproduction.RatioResult density = ratio(DENSITY);
        assertEquals(1.5, density.value(), 1.5 * 0.03);
        assertTrue(Math.abs(density.relativeDifference()) < 0.10, "density " + density.value());
    }

    /**
     * Energy: the lookups and FP16 accumulates are the same on both designs (0.77 pJ per plane per 4 MACs), so only
     * the table work separates them and BitForge's figure stays far below the abstract's 1.44x (documented); built
     * upstream on the baseline too, its 16-column table reuse makes its tables cost more, not less.
     */
    @Test
    void energyFavoursLutTensorCoreButIsShortOfThePaper() {
        Reproduction.RatioResult energy = ratio(ENERGY);
        assertTrue(energy.value() > 1.0 && energy.value() < 1.44 * 0.9, "energy " + energy.value());
        double upstream = Reproductions.switched("lut-tc", FILE, Registry.load(), "tables built in each unit")
                .value(ENERGY).orElseThrow();
        assertTrue(upstream > energy.value(), "upstream tables " + upstream);
    }

    private static Reproduction.RatioResult ratio(String name) {
        return result.ratios().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
