package io.bitforge.cli.hdl;

import io.bitforge.verilog.tools.SynthFlow;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The iCE40 parts {@code bitforge fpga} targets, each with the package and clock pin of a common board, so the
 * bitstream places its clock where that board's oscillator is.
 */
public enum Ice40Board {
    /**
     * iCE40 UltraPlus UP5K in the SG48 package, the iCEBreaker board: 12 MHz oscillator on pin 35 (iCEBreaker
     * schematic); 5280 logic cells and 8 SB_MAC16 DSPs (Lattice iCE40 UltraPlus family data sheet), so multipliers
     * go to DSPs.
     */
    UP5K("up5k", "sg48", "35", SynthFlow.ICE40_DSP),
    /**
     * iCE40 HX8K in the CT256 package, Lattice's iCE40-HX8K breakout board: 12 MHz oscillator on ball J3 (board
     * user guide); 7680 logic cells and no DSPs, so multipliers are built from logic.
     */
    HX8K("hx8k", "ct256", "J3", SynthFlow.ICE40);

    private final String device;
    private final String pkg;
    private final String clockPin;
    private final SynthFlow flow;

    Ice40Board(String device, String pkg, String clockPin, SynthFlow flow) {
        this.device = device;
        this.pkg = pkg;
        this.clockPin = clockPin;
        this.flow = flow;
    }

    public String device() {
        return device;
    }

    public String pkg() {
        return pkg;
    }

    public SynthFlow flow() {
        return flow;
    }

    /** The pin constraints: only the clock is fixed; nextpnr places every other pin. */
    public String pcf() {
        return "set_io clk " + clockPin + "\n";
    }

    public static Optional<Ice40Board> of(String device) {
        return Arrays.stream(values()).filter(b -> b.device.equals(device)).findFirst();
    }

    public static List<String> devices() {
        return Arrays.stream(values()).map(Ice40Board::device).toList();
    }
}
