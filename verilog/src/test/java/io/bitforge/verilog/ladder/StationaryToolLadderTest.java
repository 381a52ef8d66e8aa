package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.array.StationaryArray;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Weight- and input-stationary arrays in the tools: bitmod-decode (ws) through Icarus and Verilator (one build),
 * mac-int input-stationary through Icarus; every output of the Java run equal in every cycle.
 */
class StationaryToolLadderTest {
    private static final Registry REGISTRY = Registry.load();

    @TempDir
    Path dir;

    @Test
    void bitmodDecodeWeightStationaryInIcarusAndVerilator() {
        ToolGate.require("iverilog", "vvp", "verilator");
        PeRtlRegistry rtl = PeRtlRegistry.load();
        HardwareSpec spec = PeDesign.withRtlParams(new HardwareSpecLoader(REGISTRY).resolve("bitmod-decode", "--hw")
                .withArray(new ArraySpec(3, 3)), rtl, note -> { });
        assertEquals(Dataflow.WS, spec.dataflow());
        LadderReport report = Ladder.run(spec, PeDesign.forSpec(spec, rtl), REGISTRY,
                new LadderOptions(29, Set.of("icarus", "verilator"), dir, null).randomTileInTools());
        assertTrue(report.passed(), report.levels().toString());
        assertTrue(report.levels().stream().anyMatch(l -> l.level().startsWith("verilator")), report.levels().toString());
        assertEquals(report.engineCycles() + StationaryArray.OVERHEAD_CYCLES, report.rtlComputedCycles());
    }

    @Test
    void macIntInputStationaryInIcarus() {
        ToolGate.require("iverilog", "vvp");
        MacIntParams params = new MacIntParams(4, 6, true, false);
        HardwareSpec spec = new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-int", params)).withArray(new ArraySpec(3, 2)).withDataflow(Dataflow.IS);
        LadderReport report = Ladder.run(spec, new MacIntRtl(params), REGISTRY,
                new LadderOptions(31, Set.of("icarus"), dir, null));
        assertTrue(report.passed(), report.levels().toString());
        assertEquals(6, report.levels().size(), "java, cycles and icarus on both tiles: " + report.levels());
    }
}
