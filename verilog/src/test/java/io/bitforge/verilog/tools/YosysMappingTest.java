package io.bitforge.verilog.tools;

import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.gen.Mac16;
import io.bitforge.verilog.gen.Ram;
import io.bitforge.verilog.hdl.ModuleDef;
import io.bitforge.verilog.hdl.ReadUnderWrite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The emitted patterns map to the iCE40 primitives they were written for (expectations from the measured
 * Yosys 0.23 behaviour: a 16×16 MAC with reset-less input registers folds into one SB_MAC16; a 256×16 RAM with
 * synchronous read and no read-under-write check becomes one SB_RAM40_4K).
 */
class YosysMappingTest {

    private static SynthReport synth(ModuleDef design, Path dir, SynthFlow flow) throws Exception {
        EmittedDesign e = VerilogEmitter.emit(design, EmitOptions.synthesis());
        e.writeTo(dir);
        return Yosys.synth(dir, e.fileNames(), e.top(), flow, null, Duration.ofMinutes(3));
    }

    @Test
    void macWithResetlessInputRegistersIsOneSbMac16(@TempDir Path dir) throws Exception {
        ToolGate.require("yosys");
        SynthReport dsp = synth(Mac16.build(), dir, SynthFlow.ICE40_DSP);
        assertEquals(1, dsp.count("SB_MAC16"), dsp.cellsByType().toString());
        // the 32 input-register bits and the 32-bit accumulator live inside the DSP block
        assertEquals(0, dsp.count("SB_DFF") + dsp.count("SB_DFFE") + dsp.count("SB_DFFSR") + dsp.count("SB_DFFESR"),
                dsp.cellsByType().toString());
        SynthReport logic = synth(Mac16.build(), dir, SynthFlow.ICE40);
        assertEquals(0, logic.count("SB_MAC16"), "without -dsp the multiplier is logic");
        assertTrue(logic.count("SB_LUT4") > 100, logic.cellsByType().toString());
    }

    @Test
    void synchronousReadRamIsOneBlockRam(@TempDir Path dir) throws Exception {
        ToolGate.require("yosys");
        SynthReport r = synth(Ram.build(8, 16, ReadUnderWrite.UNDEFINED), dir, SynthFlow.ICE40_DSP);
        assertEquals(1, r.count("SB_RAM40_4K"), r.cellsByType().toString());
        assertTrue(r.count("SB_LUT4") <= 2, "no collision logic expected: " + r.cellsByType());
    }

    @Test
    void otherFamiliesUseTheirMultiplierBlocks(@TempDir Path dir) throws Exception {
        ToolGate.require("yosys");
        ModuleDef array = io.bitforge.verilog.gen.SystolicArray.build(
                new io.bitforge.verilog.gen.SystolicArray.Params(2, 2, 8, 32));
        // one multiplier block per PE (toolchain notes, section 4: N=2 gives 4 MULT18X18D and 4 DSP48E1)
        SynthReport ecp5 = synth(array, dir.resolve("ecp5"), SynthFlow.ECP5);
        assertEquals(4, ecp5.count("MULT18X18D"), ecp5.cellsByType().toString());
        SynthReport xilinx = synth(array, dir.resolve("xilinx"), SynthFlow.XILINX);
        assertEquals(4, xilinx.count("DSP48E1"), xilinx.cellsByType().toString());
    }
}
