package io.bitforge.verilog.tools;

/** A Yosys synthesis script for one target family. */
public enum SynthFlow {
    /** iCE40, multipliers in logic. */
    ICE40("synth_ice40 -top %s"),
    /** iCE40 UltraPlus, multipliers onto SB_MAC16. */
    ICE40_DSP("synth_ice40 -dsp -top %s"),
    /** Lattice ECP5 (a resource estimate: no ECP5 place-and-route in the toolchain). */
    ECP5("synth_ecp5 -top %s"),
    /** Xilinx 7-series, flattened, without I/O buffers (a core-only estimate). */
    XILINX("synth_xilinx -flatten -noiopad -top %s"),
    /** Technology-independent gates (the area table's generic cell set; see io.bitforge.verilog.area). */
    GENERIC("synth -flatten -top %s");

    private final String command;

    SynthFlow(String command) {
        this.command = command;
    }

    public String command(String top) {
        return String.format(command, top);
    }
}
