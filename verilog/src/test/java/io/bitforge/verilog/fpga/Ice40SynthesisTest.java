package io.bitforge.verilog.fpga;

import io.bitforge.pe.mac.MacIntParams;
import io.bitforge.verilog.array.ArrayPlan;
import io.bitforge.verilog.array.TileArray;
import io.bitforge.verilog.array.TileShape;
import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.pe.mac.MacIntRtl;
import io.bitforge.verilog.tools.ToolGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Multiplier mapping on the iCE40: all on DSPs, all in logic, or DSPs first up to the part's count. */
class Ice40SynthesisTest {
    @Test
    void dumpIsParsedIntoMultipliersWithTheirWidths() {
        List<Multiplier> m = Ice40Synthesis.parseDump(List.of(
                "  cell $mul $flatten\\pe_0_0.$mul$x.v:33$4",
                "    parameter \\Y_WIDTH 16",
                "    parameter \\B_WIDTH 8",
                "    parameter \\A_WIDTH 8",
                "    parameter \\A_SIGNED 1",
                "    connect \\Y $0",
                "  end",
                "  cell $mul $flatten\\pe_0_1.$mul$x.v:33$4",
                "    parameter \\Y_WIDTH 8",
                "    parameter \\B_WIDTH 4",
                "    parameter \\A_WIDTH 4",
                "  end"));
        assertEquals(List.of(new Multiplier("$flatten\\pe_0_0.$mul$x.v:33$4", 8, 8, 16),
                new Multiplier("$flatten\\pe_0_1.$mul$x.v:33$4", 4, 4, 8)), m);
    }

    @Test
    void dspBlocksFollowYosysMinimumAndMaximumWidths() {
        // 8x8 -> 16-bit product: one SB_MAC16
        assertEquals(1, new Multiplier("a", 8, 8, 16).dspBlocks());
        // a 4x4 -> 8-bit product is below DSP_Y_MINWIDTH = 11: stays in logic
        assertEquals(0, new Multiplier("b", 4, 4, 8).dspBlocks());
        // 1-bit operand: below DSP_A_MINWIDTH = 2
        assertEquals(0, new Multiplier("c", 1, 16, 17).dspBlocks());
        // 20x8: two 16-bit pieces of A
        assertEquals(2, new Multiplier("d", 20, 8, 28).dspBlocks());
    }

    @Test
    void dspOnAPartWithoutDspsIsRefused(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> Ice40Synthesis.synthesise(dir, List.of(), "x",
                FpgaPart.HX8K, MultiplierMapping.DSP, null, Duration.ofSeconds(5)));
    }

    @Test
    void autoPutsEightOfNineInt8MultipliersOnTheUp5kDsps(@TempDir Path dir) throws Exception {
        ToolGate.require("yosys");
        MacIntRtl pe = new MacIntRtl(new MacIntParams(8, 8));
        ArrayPlan plan = new ArrayPlan(3, 3, new TileShape(3, 2, 3), pe.timing());
        long[] a = {1, 2, 3, 4, 5, 6};
        long[] b = {7, 8, 9, 10, 11, 12};
        EmittedDesign e = VerilogEmitter.emit(ReadoutTop.build(TileArray.build(pe, plan, a, b)),
                EmitOptions.synthesis());
        e.writeTo(dir);
        // nine PEs, one 8x8 multiplier each; the UP5K has 8 SB_MAC16 (Lattice iCE40 UltraPlus data sheet)
        Ice40Synthesis.Result auto = Ice40Synthesis.synthesise(dir, e.fileNames(), e.top(), FpgaPart.UP5K,
                MultiplierMapping.AUTO, null, Duration.ofMinutes(5));
        assertEquals(9, auto.multipliers());
        assertEquals(8, auto.dspBlocks(), auto.cells().cellsByType().toString());
        assertEquals(1, auto.logicMultipliers());
    }
}
