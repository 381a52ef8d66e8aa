package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OliVe's presets through the tools at 3x3: W4A4 (olive-w4a4) in Icarus and Verilator on the random tile (its
 * 64,009-result every-pair tile stays on the Java level); weight-only (olive-weight-only, taken output-stationary)
 * in Icarus on both tiles, so every weight pair code passes the emitted decoder.
 */
class OvpToolLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    private static HardwareSpec preset(String name) {
        return new HardwareSpecLoader(REGISTRY).resolve(name, "--hw").withDataflow(Dataflow.OS)
                .withArray(new ArraySpec(3, 3));
    }

    @Test
    void w4a4PassesIcarusAndVerilator() {
        ToolGate.require("iverilog", "vvp", "verilator");
        HardwareSpec spec = preset("olive-w4a4");
        LadderOptions options = new LadderOptions(41, Set.of("icarus", "verilator"), dir, null).randomTileInTools();
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, PeRtlRegistry.load()), REGISTRY, options);
        assertTrue(report.passed(), report.levels().toString());
        // java and cycles on both tiles, icarus and verilator on the random one
        assertEquals(6, report.levels().size(), report.levels().toString());
    }

    @Test
    void weightOnlyPassesIcarusOnEveryWeightPair() {
        ToolGate.require("iverilog", "vvp");
        HardwareSpec spec = preset("olive-weight-only");
        LadderOptions options = new LadderOptions(43, Set.of("icarus"), dir, null);
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, PeRtlRegistry.load()), REGISTRY, options);
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(6, report.levels().size(), report.levels().toString());
        assertEquals(report.engineCycles() + 4, report.rtlComputedCycles());
    }
}
