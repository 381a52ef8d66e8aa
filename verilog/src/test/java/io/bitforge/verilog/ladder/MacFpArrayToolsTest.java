package io.bitforge.verilog.ladder;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.ArraySpec;
import io.bitforge.core.spec.Dataflow;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import io.bitforge.pe.mac.MacFpParams;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.pe.PeRtlRegistry;
import io.bitforge.verilog.pe.mac.MacFpRtl;
import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;
import io.bitforge.verilog.tools.ToolGate;
import io.bitforge.verilog.tools.ToolResult;
import io.bitforge.verilog.tools.Verilator;
import io.bitforge.verilog.tools.Yosys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fp16-baseline design (mac-fp) as a 4x4 output-stationary array passes {@code verilator --lint-only -Wall}, and
 * the FP16 MAC cell synthesises for iCE40. (The FP cell still carries the emitter's UNUSEDSIGNAL waivers for
 * intermediate bits it does not read, such as the hidden bit after rounding.)
 */
class MacFpArrayToolsTest {
    @TempDir
    Path dir;

    @Test
    void arrayLintsCleanAndTheCellSynthesises() throws Exception {
        ToolGate.require("verilator", "yosys");
        Registry registry = Registry.load();
        HardwareSpec spec = new HardwareSpecLoader(registry).resolve("fp16-baseline", "--hw")
                .withArray(new ArraySpec(4, 4)).withDataflow(Dataflow.OS);
        PeDesign design = PeDesign.of(spec, PeRtlRegistry.load(), null, 1);
        EmittedDesign e = VerilogEmitter.emit(design.top());
        e.writeTo(dir.resolve("lint"));
        ToolResult lint = Verilator.lint(dir.resolve("lint"), e.fileNames(), e.top());
        assertTrue(lint.ok(), lint.stdout() + lint.stderr());
        assertEquals(0, Verilator.warnings(lint), lint.stderr());
        EmittedDesign cell = VerilogEmitter.emit(new MacFpRtl(new MacFpParams("fp16")).cell(Dataflow.OS),
                EmitOptions.synthesis());
        cell.writeTo(dir.resolve("synth"));
        SynthReport synth = Yosys.synth(dir.resolve("synth"), cell.fileNames(), cell.top(), SynthFlow.ICE40, null,
                Duration.ofMinutes(8));
        assertTrue(synth.count("SB_LUT4") > 0, synth.cellsByType().toString());
        System.out.println(cell.top() + " iCE40: " + synth.cellsByType());
    }
}
