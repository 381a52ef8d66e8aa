package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.lut.LutParams;
import io.bitforge.verilog.pe.lut.LutRtl;
import io.bitforge.verilog.sim.SimEngine;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The LUT tensor core on the generated array, Java level: tables built at the activation edge, bit-plane weight
 * indexing, FP16 accumulators, against {@code LutDatapath.dotFp16} exactly (every weight group or every plane index,
 * and a seeded tile over two row and two column folds with K padded to g), and cycles = engine + 4; the presets'
 * own 2 × 64 × 4 unit through banked operand buffers, on one cell (the Java level, and once in Icarus).
 */
class LutLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    private static HardwareSpec spec(String preset, LutParams params, int rows, int cols) {
        return new HardwareSpecLoader(REGISTRY).resolve(preset, "--hw").withPe(new PeSpec("lut", params))
                .withArray(new ArraySpec(rows, cols));
    }

    @ParameterizedTest
    @CsvSource({"lut-tc-int4,4,false,1,4,4,2,2", "lut-tc-ternary,2,true,1,2,4,2,2", "lut-tc-int2,3,false,2,2,2,2,2",
            "lut-tc-int2,1,false,1,2,4,2,1"})
    void everyModeMatchesTheModelAndTheEngine(String preset, int bits, boolean ternary, int tileM, int tileN, int g,
                                              int rows, int cols) {
        LutParams params = new LutParams(bits, ternary, false, false, tileM, tileN, g, false);
        LadderReport report = Ladder.run(spec(preset, params, rows, cols), new LutRtl(params), REGISTRY,
                LadderOptions.javaOnly(26));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(4, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }

    @Test
    void aNarrowInt2UnitMatchesAndItsCyclesAreTheHandCount() {
        // by hand: 2x2 array of 1x8x4 units at int2 (2 cycles per step); the random tile M = 2·1 + 1 = 3 (two row
        // folds), N = 2·8 + 1 = 17 (ceil(17/8) = 3 column steps on 2 columns: two folds), K = 3·4 + 1 = 13 (T = 4
        // steps); folds of T + R + C − 2 = 6 steps · 2 cycles = 12 cycles; 4 folds: the engine's last cycle index
        // 4·12 − 1 = 47, the RTL's computed 4 later
        LutParams params = new LutParams(2, false, false, false, 1, 8, 4, false);
        LadderReport report = Ladder.run(spec("lut-tc-int2", params, 2, 2), new LutRtl(params), REGISTRY,
                LadderOptions.javaOnly(5));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(47, report.engineCycles());
        assertEquals(51, report.rtlComputedCycles());
    }

    @ParameterizedTest
    @CsvSource({"lut-tc-int4,4,false,63", "lut-tc-ternary,2,true,31"})
    void thePresetsFullUnitRunsThroughBankedBuffers(String preset, int bits, boolean ternary, long engineCycles) {
        // the 2x64x4 unit reads 128-bit activation words (2 banks) and 512-bit (ternary: 8 banks) or 1024-bit (int4:
        // 16 banks) weight words per step. By hand on 1x1: the random tile M = 1·2 + 1 = 3 (2 row folds), N = 1·64 + 1
        // = 65 (2 column folds), K = 13 (T = 4 steps of g = 4); folds of T + R + C − 2 = 4 steps x the planes (int4:
        // 4, ternary: 2) = 16 or 8 cycles; 4 folds: the engine's last cycle index 63 or 31. The interpreted engine:
        // for this cell (1.26M bit operations, about 120 cycles) compiling a kernel costs more than it saves
        LutParams params = new LutParams(bits, ternary, false, false, 2, 64, 4, false);
        LadderReport report = Ladder.run(spec(preset, params, 1, 1), new LutRtl(params), REGISTRY,
                LadderOptions.javaOnly(3).withJavaEngine(SimEngine.INTERPRETED));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(4, report.levels().size(), report.levels().toString());
        assertEquals(engineCycles, report.engineCycles());
        assertEquals(engineCycles + 4, report.rtlComputedCycles());
    }

    @Test
    void theFullInt2UnitReplaysInIcarus() {
        ToolGate.require("iverilog", "vvp");
        LutParams params = new LutParams(2, false, false, false, 2, 64, 4, false);
        LadderOptions options = new LadderOptions(9, Set.of("icarus"), dir, null).randomTileInTools()
                .withJavaEngine(SimEngine.INTERPRETED);
        // iverilog takes about 8 CPU-seconds on the 8.7 MB cell, minutes of wall time on a loaded machine: the
        // tools get the limit a user raises with --tool-timeout, restored after
        String limit = System.getProperty(ToolRunner.TIMEOUT_PROPERTY);
        System.setProperty(ToolRunner.TIMEOUT_PROPERTY, "1800");
        LadderReport report;
        try {
            report = Ladder.run(spec("lut-tc-int2", params, 1, 1), new LutRtl(params), REGISTRY, options);
        } finally {
            if (limit == null) {
                System.clearProperty(ToolRunner.TIMEOUT_PROPERTY);
            } else {
                System.setProperty(ToolRunner.TIMEOUT_PROPERTY, limit);
            }
        }
        assertTrue(report.passed(), report.levels().toString());
        // java and cycles per tile, icarus on the random one
        assertEquals(5, report.levels().size(), report.levels().toString());
        // by hand as above at 2 planes: 4 folds x 8 cycles − 1 = 31
        assertEquals(31, report.engineCycles());
        assertEquals(35, report.rtlComputedCycles());
    }
}
