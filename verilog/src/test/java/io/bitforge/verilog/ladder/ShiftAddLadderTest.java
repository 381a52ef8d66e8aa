package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.shiftadd.MixPeDequantTiming;
import io.bitforge.pe.shiftadd.MixPeUnitModel;
import io.bitforge.pe.shiftadd.ShiftAddParams;
import io.bitforge.pe.shiftadd.ShiftAddVariant;
import io.bitforge.verilog.pe.shiftadd.MixPeFp16Rtl;
import io.bitforge.verilog.pe.shiftadd.MixPeRtl;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MixPE W2/W3/W4 A8 on the Java level: exhaustive pairs and a seeded group, cycles against the engine's array. */
class ShiftAddLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @ParameterizedTest
    @CsvSource({"4,128,4,4", "3,64,3,2", "2,4,2,5", "4,8,1,1"})
    void everyWeightWidthMatchesTheShiftAddModelAndTheEngine(int wBits, int group, int rows, int cols) {
        ShiftAddParams params = new ShiftAddParams(ShiftAddVariant.MIXPE, wBits, 8, group);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("mixpe-w4a8", "--hw")
                .withPe(new PeSpec("shift-add", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new MixPeRtl(params), REGISTRY, LadderOptions.javaOnly(13));
        assertTrue(report.passed(), report.levels().toString());
    }

    /**
     * W4A8 with the edge dequantisers ({@code dequant: edge}): the exhaustive K = 1 tile and tiles of 1, 2 and 4
     * groups of 128 give MixPeDatapath.w4a8's FP32 outputs, and RTL cycles = the engine's whole count + 3.
     */
    @Test
    void edgeDequantisersPassTheLadderAtOneTwoAndFourGroups() {
        ShiftAddParams params = new ShiftAddParams(ShiftAddVariant.MIXPE, 4, 8, 128, MixPeUnitModel.NATIVE,
                MixPeDequantTiming.EDGE);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("mixpe-w4a8", "--hw")
                .withPe(new PeSpec("shift-add", params)).withArray(new ArraySpec(4, 4));
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, PeRtlRegistry.load()), REGISTRY,
                LadderOptions.javaOnly(29));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(List.of("java exhaustive", "cycles exhaustive", "java groups-1", "cycles groups-1",
                "java groups-2", "cycles groups-2", "java random", "cycles random"),
                report.levels().stream().map(LevelResult::level).toList());
        // the random tile: K = 512 (4 groups), M = 5, N = 9: 2 row folds x 2 column folds of 512 + 4 + 4 - 2 cycles
        assertEquals(4 * 518, report.engineCycles());
        assertEquals(report.engineCycles() + 3, report.rtlComputedCycles());
    }

    /**
     * W4A16 with the edge dequantisers: FP32 group sums and Σa in FP32, the every-weight corner tile and tiles of 1,
     * 2 and 4 groups give MixPeDatapath.w4a16's outputs; cycles = the engine's whole count + 3.
     */
    @ParameterizedTest
    @CsvSource({"4,16,3,2", "2,8,2,3"})
    void w4a16EdgeDequantisersMatchTheModelAndTheEngine(int wBits, int group, int rows, int cols) {
        ShiftAddParams params = new ShiftAddParams(ShiftAddVariant.MIXPE, wBits, 16, group, MixPeUnitModel.NATIVE,
                MixPeDequantTiming.EDGE);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("mixpe-w4a16", "--hw")
                .withPe(new PeSpec("shift-add", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new MixPeFp16Rtl(params), REGISTRY, LadderOptions.javaOnly(31));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(8, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 3, report.rtlComputedCycles());
    }

    /** W4A16: FP16 activations, FP32 group sums; two weights per cycle (MixPE's (16, 8) unit). */
    @ParameterizedTest
    @CsvSource({"4,128,4,4", "3,16,3,2", "2,8,2,3"})
    void w4a16GroupSumsMatchTheModelAndTheEngine(int wBits, int group, int rows, int cols) {
        ShiftAddParams params = new ShiftAddParams(ShiftAddVariant.MIXPE, wBits, 16, group);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("mixpe-w4a16", "--hw")
                .withPe(new PeSpec("shift-add", params)).withArray(new ArraySpec(rows, cols));
        LadderReport report = Ladder.run(spec, new MixPeFp16Rtl(params), REGISTRY, LadderOptions.javaOnly(17));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(4, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }

    @Test
    void w4a16PresetPassesIcarusOnBothTiles(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp");
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("mixpe-w4a16", "--hw")
                .withArray(new ArraySpec(3, 3));
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, PeRtlRegistry.load()), REGISTRY,
                new LadderOptions(19, Set.of("icarus"), dir, null));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(6, report.levels().size(), report.levels().toString());
    }
}
