package io.bitforge.verilog.tools;

import io.bitforge.verilog.emit.EmitOptions;
import io.bitforge.verilog.emit.EmittedDesign;
import io.bitforge.verilog.emit.VerilogEmitter;
import io.bitforge.verilog.gen.SystolicArray;
import io.bitforge.verilog.gen.SystolicWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 2×2 INT8 array behind the byte-serial wrapper goes through Yosys, nextpnr-ice40 and icepack to an iCE40
 * UP5K bitstream; utilisation and Fmax are parsed and printed.
 */
class Ice40FlowTest {

    @Test
    void twoByTwoArrayToUp5kBitstream(@TempDir Path dir) throws Exception {
        ToolGate.require("yosys", "nextpnr-ice40", "icepack", "icetime");
        SystolicArray.Params p = new SystolicArray.Params(2, 2, 8, 32);
        EmittedDesign e = VerilogEmitter.emit(SystolicWrapper.build(p), EmitOptions.synthesis());
        e.writeTo(dir);
        SynthReport synth = Yosys.synth(dir, e.fileNames(), e.top(), SynthFlow.ICE40_DSP, "top.json",
                Duration.ofMinutes(3));
        // one signed 8x8 product per PE; the UP5K has 8 SB_MAC16 (Lattice iCE40 UltraPlus family data sheet)
        assertEquals(4, synth.count("SB_MAC16"), synth.cellsByType().toString());
        // clk on the iCEBreaker's 12 MHz oscillator pin; every other pin is placed freely
        Files.writeString(dir.resolve("up5k.pcf"), "set_io clk 35\n");
        PnrReport pnr = NextpnrIce40.placeAndRoute(dir, "top.json", "up5k", "sg48", "up5k.pcf", "top.asc", 12, 1,
                Duration.ofMinutes(4));
        assertEquals(4, pnr.used("ICESTORM_DSP"));
        assertEquals(8, pnr.available("ICESTORM_DSP"), "UP5K has 8 DSP tiles");
        assertEquals(5280, pnr.available("ICESTORM_LC"), "UP5K has 5280 logic cells (Lattice data sheet)");
        assertTrue(pnr.used("ICESTORM_LC") > 50 && pnr.used("ICESTORM_LC") < 5280, pnr.used().toString());
        assertTrue(pnr.worstFmaxMhz() > 12, "must meet the 12 MHz constraint: " + pnr.fmaxMhz());
        long bytes = IceStorm.pack(dir, "top.asc", "top.bin");
        // a UP5K bitstream always has the same size: 104 090 bytes (measured in the toolchain notes)
        assertEquals(104_090, bytes);
        double icetimeMhz = IceStorm.timingMhz(dir, "up5k", "sg48", "up5k.pcf", "top.asc");
        assertTrue(icetimeMhz > 0);
        System.out.printf("UP5K 2x2 INT8 array: %d/%d LC, %d/%d DSP, nextpnr Fmax %.1f MHz, icetime %.1f MHz, "
                        + "bitstream %d bytes%n", pnr.used("ICESTORM_LC"), pnr.available("ICESTORM_LC"),
                pnr.used("ICESTORM_DSP"), pnr.available("ICESTORM_DSP"), pnr.worstFmaxMhz(), icetimeMhz, bytes);
    }
}
