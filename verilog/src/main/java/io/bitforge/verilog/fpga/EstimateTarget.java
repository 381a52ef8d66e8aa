package io.bitforge.verilog.fpga;

import io.bitforge.verilog.tools.SynthFlow;
import io.bitforge.verilog.tools.SynthReport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * FPGA families BitForge can only estimate: Yosys synthesises for them, but the open toolchain has no place and
 * route for them (no nextpnr-ecp5/Trellis or Xilinx bitstream flow), so their counts are resource estimates from
 * synthesis, with utilisation against one named reference part.
 */
public enum EstimateTarget {
    /**
     * Lattice ECP5 ({@code synth_ecp5}); LUT4s count each CCU2C carry cell as two LUT4s (a CCU2C occupies a slice's
     * two LUT4s). Reference part LFE5U-25F: 24,288 LUT4s and flip-flops, 28 18x18 multipliers, 56 EBR blocks of 18
     * kbit (Lattice, ECP5 and ECP5-5G Family Data Sheet, FPGA-DS-02012, table 1.1).
     */
    ECP5("ecp5", SynthFlow.ECP5, "LFE5U-25F", 24288, 24288, 28, 56),
    /**
     * Xilinx 7-series ({@code synth_xilinx -flatten -noiopad}: the core without I/O buffers). Reference part
     * XC7A35T: 20,800 LUTs, 41,600 flip-flops, 90 DSP48E1 slices, 50 RAMB36 blocks (Xilinx, 7 Series FPGAs Data
     * Sheet: Overview, DS180, table 3). Block RAMs count RAMB18E1 as half a RAMB36E1.
     */
    XC7("xc7", SynthFlow.XILINX, "XC7A35T", 20800, 41600, 90, 50);

    private final String id;
    private final SynthFlow flow;
    private final String referencePart;
    private final int luts;
    private final int flipFlops;
    private final int dsps;
    private final int blockRams;

    EstimateTarget(String id, SynthFlow flow, String referencePart, int luts, int flipFlops, int dsps, int blockRams) {
        this.id = id;
        this.flow = flow;
        this.referencePart = referencePart;
        this.luts = luts;
        this.flipFlops = flipFlops;
        this.dsps = dsps;
        this.blockRams = blockRams;
    }

    public String id() {
        return id;
    }

    public SynthFlow flow() {
        return flow;
    }

    public String referencePart() {
        return referencePart;
    }

    /** LUTs, flip-flops, DSP blocks and block RAMs (in the reference part's block size) the cells use. */
    ResourceUse[] use(SynthReport r) {
        Map<String, Integer> c = r.cellsByType();
        int lut;
        int ff;
        int dsp;
        int bram;
        if (this == ECP5) {
            lut = r.count("LUT4") + 2 * r.count("CCU2C");
            ff = r.count("TRELLIS_FF");
            dsp = r.count("MULT18X18D");
            bram = r.count("DP16KD") + r.count("PDPW16KD");
        } else {
            lut = sumPrefix(c, "LUT");
            ff = r.count("FDRE") + r.count("FDSE") + r.count("FDCE") + r.count("FDPE");
            dsp = r.count("DSP48E1");
            bram = r.count("RAMB36E1") + (r.count("RAMB18E1") + 1) / 2;
        }
        return new ResourceUse[] {new ResourceUse(lut, luts), new ResourceUse(ff, flipFlops),
                new ResourceUse(dsp, dsps), new ResourceUse(bram, blockRams)};
    }

    private static int sumPrefix(Map<String, Integer> cells, String prefix) {
        return cells.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)
                        && e.getKey().substring(prefix.length()).chars().allMatch(Character::isDigit))
                .mapToInt(Map.Entry::getValue).sum();
    }

    public static Optional<EstimateTarget> of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(EstimateTarget::id).toList();
    }
}
