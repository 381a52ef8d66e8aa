package io.bitforge.verilog.ladder;

import io.bitforge.core.format.OvpFormat;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.ovp.OvpParams;
import io.bitforge.verilog.pe.ovp.OvpRtl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OliVe on the generated array, Java level: every pair code through the edge decoders against the functional
 * models ({@code OvpW4a4Tile}, {@code OvpWeightOnlyTile}), a seeded tile, and cycles = engine + 4 (the engine
 * counts the decoder stage in every fold).
 */
class OvpLadderTest {
    private static final Registry REGISTRY = Registry.load();

    private static HardwareSpec spec(String preset, OvpParams params, int rows, int cols) {
        return new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw").withPe(new PeSpec("ovp", params))
                .withDataflow(Dataflow.OS).withArray(new ArraySpec(rows, cols));
    }

    @ParameterizedTest
    @CsvSource({"INT4,INT4,4,4", "FLINT4,INT4,3,5", "INT4,FLINT4,4,2", "INT8,INT8,16,4", "INT4,INT8,8,8"})
    void w4a4EveryPairCodeMatchesTheModelAndTheEngine(OvpFormat.Normal weights, OvpFormat.Normal activations,
                                                      int rows, int cols) {
        OvpParams params = OvpParams.w4a4(weights, activations);
        LadderReport report = Ladder.run(spec("olive-w4a4", params, rows, cols), new OvpRtl(params), REGISTRY,
                LadderOptions.javaOnly(29));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(4, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }

    @ParameterizedTest
    @CsvSource({"INT4,4,4", "FLINT4,2,3"})
    void weightOnlyEveryWeightPairMatchesTheModelAndTheEngine(OvpFormat.Normal weights, int rows, int cols) {
        OvpParams params = OvpParams.weightOnly(weights, 4.5);
        LadderReport report = Ladder.run(spec("olive-weight-only", params, rows, cols), new OvpRtl(params), REGISTRY,
                LadderOptions.javaOnly(31));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }

    @Test
    void theDecoderStageCostsOneCyclePerFold() {
        // by hand: 4x4 array, M = N = 5 (two folds each way), K = 4: folds of K + R + C - 2 = 10 steps plus the
        // decoder stage = 11 cycles; 4 folds; the engine's last cycle index 4·11 − 1 = 43
        OvpParams params = OvpParams.w4a4(OvpFormat.Normal.INT4, OvpFormat.Normal.INT4);
        LadderReport report = Ladder.run(spec("olive-w4a4", params, 4, 4), new OvpRtl(params), REGISTRY,
                LadderOptions.javaOnly(3));
        assertEquals(43, report.engineCycles());
        assertEquals(47, report.rtlComputedCycles());
    }
}
