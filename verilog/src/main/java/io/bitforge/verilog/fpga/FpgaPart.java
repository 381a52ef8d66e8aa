package io.bitforge.verilog.fpga;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An iCE40 part BitForge places and routes on, in the package of a common board, with the pin of that board's
 * 12 MHz oscillator and the resources the largest-array search checks against. The one place BitForge keeps
 * a part's facts; {@link io.bitforge.verilog.board.Board} names its part here.
 */
public enum FpgaPart {
    /**
     * iCE40 UltraPlus UP5K, SG48 package (the iCEBreaker board): 5280 logic cells, 8 SB_MAC16 DSP blocks, 30
     * SB_RAM40_4K block RAMs (Lattice, iCE40 UltraPlus Family Data Sheet, FPGA-DS-02008, table 1.1); nextpnr-ice40
     * reports the same counts as available. The iCEBreaker's 12 MHz oscillator drives pin 35 (iCEBreaker
     * schematic; YosysHQ/icestorm examples/icebreaker/icebreaker.pcf).
     */
    UP5K("up5k", "sg48", "35", 5280, 8, 30),
    /**
     * iCE40 HX8K, CT256 package (Lattice's iCE40-HX8K breakout board): 7680 logic cells, no DSP blocks, 32
     * SB_RAM40_4K block RAMs (Lattice, iCE40 LP/HX Family Data Sheet, FPGA-DS-02029, table 1.1). The breakout
     * board's 12 MHz oscillator drives ball J3 (Lattice iCE40-HX8K Breakout Board user guide; YosysHQ/picorv32
     * picosoc/hx8kdemo.pcf).
     */
    HX8K("hx8k", "ct256", "J3", 7680, 0, 32);

    private final String device;
    private final String pkg;
    private final String clockPin;
    private final int logicCells;
    private final int dspBlocks;
    private final int blockRams;

    FpgaPart(String device, String pkg, String clockPin, int logicCells, int dspBlocks, int blockRams) {
        this.device = device;
        this.pkg = pkg;
        this.clockPin = clockPin;
        this.logicCells = logicCells;
        this.dspBlocks = dspBlocks;
        this.blockRams = blockRams;
    }

    /** nextpnr-ice40's and icetime's device name, e.g. {@code up5k}. */
    public String device() {
        return device;
    }

    public String pkg() {
        return pkg;
    }

    /** The package pin of the board's 12 MHz oscillator, e.g. {@code 35}. */
    public String clockPin() {
        return clockPin;
    }

    /**
     * Pin constraints that fix only the clock port {@code clk} on the oscillator's pin, so a bitstream built
     * without a board top level still runs from the board's clock; nextpnr places every other pin.
     */
    public String clockOnlyPcf() {
        return "set_io clk " + clockPin + "\n";
    }

    public int logicCells() {
        return logicCells;
    }

    public int dspBlocks() {
        return dspBlocks;
    }

    public int blockRams() {
        return blockRams;
    }

    public static Optional<FpgaPart> of(String device) {
        return Arrays.stream(values()).filter(p -> p.device.equals(device)).findFirst();
    }

    public static List<String> devices() {
        return Arrays.stream(values()).map(FpgaPart::device).toList();
    }
}
