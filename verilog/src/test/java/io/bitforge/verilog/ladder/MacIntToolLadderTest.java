package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** mac-int W4(unsigned)A8 on every level: Java, Icarus (exhaustive and random tiles) and Verilator (random). */
class MacIntToolLadderTest {
    @TempDir
    Path dir;

    @Test
    void icarusAndVerilatorAgreeWithTheJavaSimulatorAndTheModel() {
        ToolGate.require("iverilog", "vvp", "verilator");
        Registry registry = Registry.load();
        MacIntParams params = new MacIntParams(4, 8, false, true);
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-int", params)).withArray(new ArraySpec(4, 4));
        LadderReport report = Ladder.run(spec, new MacIntRtl(params), registry,
                new LadderOptions(5, Set.of("icarus", "verilator"), dir, dir.resolve("tile.vcd")));
        assertTrue(report.passed(), report.levels().toString());
        assertTrue(report.levels().stream().anyMatch(l -> l.level().equals("verilator random")));
    }
}
