package io.bitforge.verilog.fpga;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An iCE40 part BitForge places and routes on, in the package of a common board, with the resources the
 * largest-array search checks against.
 */
public enum FpgaPart {
    /**
     * iCE40 UltraPlus UP5K, SG48 package (the iCEBreaker board): 5280 logic cells, 8 SB_MAC16 DSP blocks, 30
     * SB_RAM40_4K block RAMs (Lattice, iCE40 UltraPlus Family Data Sheet, FPGA-DS-02008, table 1.1); nextpnr-ice40
     * reports the same counts as available.
     */
    UP5K("up5k", "sg48", 5280, 8, 30),
    /**
     * iCE40 HX8K, CT256 package (Lattice's iCE40-HX8K breakout board): 7680 logic cells, no DSP blocks, 32
     * SB_RAM40_4K block RAMs (Lattice, iCE40 LP/HX Family Data Sheet, FPGA-DS-02029, table 1.1).
     */
    HX8K("hx8k", "ct256", 7680, 0, 32);

    private final String device;
    private final String pkg;
    private final int logicCells;
    private final int dspBlocks;
    private final int blockRams;

    FpgaPart(String device, String pkg, int logicCells, int dspBlocks, int blockRams) {
        this.device = device;
        this.pkg = pkg;
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
