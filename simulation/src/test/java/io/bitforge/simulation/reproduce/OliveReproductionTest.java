package io.bitforge.simulation.reproduce;

import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OliVe W4A4 vs GOBO as OliVe's abstract states the comparison (4.5x speed-up, 4.0x energy), run from
 * examples/reproduce/olive through the engine. No OliVe simulator is public; GOBO's array size is an assumption
 * (docs/reproductions.md), so the speed-up is checked against the PE counts that assumption gives, by hand.
 */
class OliveReproductionTest {
    private static final Path FILE = Path.of("..", "examples", "reproduce", "olive", "reproduction.yaml");
    private static final String SPEEDUP = "speedup OliVe vs GOBO";
    private static final String ENERGY = "energy OliVe vs GOBO";
    private static Reproduction.Result result;

    @BeforeAll
    static void run() {
        result = Reproduction.run("olive", ReproductionFile.read(FILE), Registry.load());
    }

    /**
     * Every layer is compute-bound on both arrays (one MAC per PE per cycle, folds of K cycles with K >= 768 against
     * a fill of about 50), so the speed-up is the ratio of PEs: OliVe's 32 x 32 = 1024 over GOBO's 26 x 26 = 676,
     * 1.515, within the folds' edge effects (5%). That is 66% short of the paper's 4.5x: the doc names GOBO's
     * sizing as what separates them.
     */
    @Test
    void speedupIsThePeCountRatioAndShortOfThePaper() {
        Reproduction.RatioResult speedup = ratio(SPEEDUP);
        assertEquals(1024.0 / 676, speedup.value(), 1024.0 / 676 * 0.05);
        assertTrue(speedup.value() < 4.5 * 0.9, "speed-up " + speedup.value());
    }

    /**
     * GOBO's FP16 MACs, FP16 activations in the buffers and its larger PEs cost more per MAC than OliVe's 4-bit
     * ones, so OliVe spends less energy; BitForge's figure is short of the paper's 4.0x by more than 10%
     * (documented: GOBO's dictionary decode and outlier path are not charged).
     */
    @Test
    void energyFavoursOliveAndIsShortOfThePaper() {
        Reproduction.RatioResult energy = ratio(ENERGY);
        assertTrue(energy.value() > 1.5, "energy " + energy.value());
        assertTrue(energy.value() < 4.0 * 0.9, "energy " + energy.value());
        // GOBO's weights in FP16 all the way (its memory-compression mode) move four times the weight bits through
        // its buffers: the ratio rises past the paper's, which lies between the two GOBO designs
        double fp16Weights = Reproductions.switched("olive", FILE, Registry.load(),
                "GOBO's weights as 4-bit indices on chip").value(ENERGY).orElseThrow();
        assertTrue(energy.value() < 4.0 && 4.0 < fp16Weights, "FP16 weights " + fp16Weights);
    }

    /**
     * The sizing rows, by hand: with as many FP16 PEs as OliVe has (32 x 32) the folds are the same and the
     * speed-up is 1 (OliVe's decoder stage costs a cycle per fold); sized by BitForge's PE tables (6 x 7 = 42 PEs)
     * it is 1024 / 42 = 24.4. The paper's 4.5x lies between the two.
     */
    @Test
    void gobosSizingSpansThePapersFigure() {
        double samePes = Reproductions.switched("olive", FILE, Registry.load(), "GOBO sized to OliVe's area at all")
                .value(SPEEDUP).orElseThrow();
        double bitforgeArea = Reproductions.switched("olive", FILE, Registry.load(),
                "GOBO sized by BitMoD's PE areas").value(SPEEDUP).orElseThrow();
        assertEquals(1.0, samePes, 0.01);
        assertEquals(1024.0 / 42, bitforgeArea, 1024.0 / 42 * 0.05);
        assertTrue(samePes < 4.5 && 4.5 < bitforgeArea);
    }

    private static Reproduction.RatioResult ratio(String name) {
        return result.ratios().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
