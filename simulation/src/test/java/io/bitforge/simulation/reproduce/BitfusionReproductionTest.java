package io.bitforge.simulation.reproduce;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bit Fusion vs Eyeriss as Bit Fusion's artefact (hsharma35/bitfusion bitfusion-generate-graphs.ipynb) compares
 * them, run from examples/reproduce/bitfusion through the engine.
 */
class BitfusionReproductionTest {
    private static final Path DIR = Path.of("..", "examples", "reproduce", "bitfusion");
    private static ReproductionFile file;
    private static Reproduction.Result result;

    @BeforeAll
    static void run() {
        file = ReproductionFile.read(DIR.resolve("reproduction.yaml"));
        result = Reproduction.run("bitfusion", file, Registry.load());
    }

    /**
     * The layer lists carry the benchmarks' shapes: per model, batch 16, the MACs of their conv and fully
     * connected layers equal the ALU column (one unit per MAC) of the artefact's results/eyeriss_results.csv,
     * summed over its rows other than pooling (an independent source: Eyeriss's simulator counted them).
     */
    @Test
    void layerListsHaveTheEyerissResultsMacCounts() {
        Map<String, Long> eyerissAlu = Map.of("AlexNet", 11_590_509_056L, "SVHN", 2_528_280_576L,
                "CIFAR-10", 9_871_458_304L, "LeNet-5", 256_458_752L, "VGG-7", 5_079_302_144L,
                "ResNet-18", 18_021_613_568L, "RNN", 268_435_456L, "LSTM", 207_360_000L);
        for (ReproductionFile.Model model : file.models()) {
            for (String design : List.of("bitfusion", "eyeriss")) {
                long macs = 0;
                for (GemmOp op : LayerList.read(model.layers()).gemms(design, file.batch())) {
                    macs += op.m() * op.k() * op.n();
                }
                assertEquals(eyerissAlu.get(model.name()), macs, model.name() + " " + design);
            }
        }
    }

    /** The artefact's own per-model figures give the paper's geometric means (3.9x, 5.1x) within 1%. */
    @Test
    void publishedFiguresGiveThePapersMeans() {
        assertEquals(3.9, ratio("speedup Bit Fusion vs Eyeriss (geometric mean)").paper(), 3.9 * 0.01);
        assertEquals(5.1, ratio("energy Bit Fusion vs Eyeriss (geometric mean)").paper(), 5.1 * 0.01);
    }

    /**
     * Energy: BitForge's figure lands within 10% of the paper's 5.1x (4.65x). It rests on the artefact's Eyeriss
     * DRAM at 6 pJ per bit against Bit Fusion's 15 (docs/reproductions.md).
     */
    @Test
    void energyHeadlineWithinTenPercentOfThePaper() {
        Reproduction.RatioResult energy = ratio("energy Bit Fusion vs Eyeriss (paper)");
        assertTrue(Math.abs(energy.relativeDifference()) < 0.10, "energy " + energy.value());
    }

    /**
     * Speed-up: not within 10%. BitForge's figure is 8.32x against the paper's 3.9x: BitForge runs Bit Fusion's
     * GEMMs with the compute rule of its derivatives (batch and pixels across the rows), the artefact with its own
     * (input channels across the rows, cut by its tiling search into tiles narrower than rows x fusion factor), which
     * takes 1.1 to 4.7 times the cycles per model (docs/reproductions.md has the table).
     */
    @Test
    void speedupHeadlineIsBitForgesFigure() {
        Reproduction.RatioResult speedup = ratio("speedup Bit Fusion vs Eyeriss (paper)");
        // the documented direction, not the engine's own figure: BitForge's Bit Fusion is faster than the artefact's
        assertTrue(speedup.value() > 3.9 * 1.10, "speed-up " + speedup.value());
        // per model, the artefact takes more cycles for Bit Fusion relative to Eyeriss than BitForge does
        for (Reproduction.Normalised n : result.normalised()) {
            if (n.design().equals("bitfusion") && n.metric().equals("cycles")) {
                assertTrue(n.measured() < n.published(), n.model() + ": Bit Fusion faster in BitForge");
            }
        }
    }

    private static Reproduction.RatioResult ratio(String name) {
        return result.ratios().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }
}
