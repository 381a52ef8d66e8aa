package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.core.spec.PeSpec;
import io.bitforge.pe.mac.MacFpParams;
import io.bitforge.verilog.pe.mac.MacFpRtl;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** mac-fp on the ladder: FP16 and BF16 tiles equal the functional model bit for bit, cycles equal the engine's. */
class MacFpLadderTest {
    private static final Registry REGISTRY = Registry.load();

    private static HardwareSpec spec(MacFpParams params, int rows, int cols) {
        return new HardwareSpecLoader(REGISTRY).resolve("tpu-like-int8", "--hw")
                .withPe(new PeSpec("mac-fp", params)).withArray(new ArraySpec(rows, cols));
    }

    @ParameterizedTest
    @CsvSource({"fp16,4,4", "bf16,4,4", "fp16,2,3"})
    void javaLevelMatchesTheModelAndTheEngine(String format, int rows, int cols) {
        MacFpParams params = new MacFpParams(format);
        LadderReport report = Ladder.run(spec(params, rows, cols), new MacFpRtl(params), REGISTRY,
                LadderOptions.javaOnly(7));
        assertTrue(report.passed(), report.levels().toString());
    }

    @Test
    void icarusAndVerilatorAgree(@TempDir Path dir) {
        ToolGate.require("iverilog", "vvp", "verilator");
        MacFpParams params = new MacFpParams("fp16");
        LadderReport report = Ladder.run(spec(params, 4, 4), new MacFpRtl(params), REGISTRY,
                new LadderOptions(5, Set.of("icarus", "verilator"), dir, null));
        assertTrue(report.passed(), report.levels().toString());
        assertTrue(report.levels().stream().anyMatch(l -> l.level().equals("verilator random")));
    }
}
