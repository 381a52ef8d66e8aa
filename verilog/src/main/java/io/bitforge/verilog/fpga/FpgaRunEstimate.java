package io.bitforge.verilog.fpga;

import io.bitforge.verilog.estimate.DesignSize;
import io.bitforge.verilog.estimate.ToolRunEstimate;
import io.bitforge.verilog.estimate.ToolRunEstimate.Stage;

import java.util.List;

/**
 * How long {@link FpgaFlow#build} (Yosys synthesis, nextpnr-ice40 place and route, icepack, icetime) will take on a
 * design, from its flattened {@link DesignSize}, before any tool starts. Each stage is a linear model in the design's
 * bit operations fitted to CPU times (user + system) measured with {@code /usr/bin/time} on a 2-core x86-64 machine
 * (Yosys 0.23, nextpnr-ice40 0.4, IceStorm; docs/limits.md lists the designs, times and load). These are ESTIMATES
 * for an idle machine, to refuse runs past about a minute up front, not predictions to the second.
 */
public final class FpgaRunEstimate {
    private FpgaRunEstimate() {
    }

    // CPU seconds (user + system) measured with /usr/bin/time on the flow's own runs, 2026-12-08 (docs/limits.md):
    // Yosys (both of the flow's runs together) 1.0 s on a one-RAM design of 8 bit operations, 1.9 s at 1,354 bit
    // operations, 4.9 at 3,234, 9.3 at 3,848, 11.3 at 4,489 and 21.0 at 4,737 (a 4x4 INT8 array in logic). A least-
    // squares fit in log-log space gives time ~ ops^1.68; the coefficient is the largest of the measured points'
    // (the upper envelope), so every measured design is at or under its estimate
    static final double YOSYS_FIXED = 1.0;
    static final double YOSYS_PER_KOPS_POWER = 1.53;
    static final double YOSYS_EXPONENT = 1.68;
    // nextpnr-ice40: 0.2 s (RAM), 2.4 s at 1,354, 9.1 at 3,234, 15.3 at 3,848, 25.3 at 4,489, 44.5 at 4,737 bit
    // operations (4,712 logic cells, 89 % of the UP5K): time ~ ops^2.11, upper envelope. A design larger than the
    // part fails when nextpnr packs it, before placement, so the input is capped at one bit operation per logic
    // cell of the part (the 4x4 array in logic: 4,737 operations, 4,712 cells): a full part is the slowest case
    static final double NEXTPNR_FIXED = 0.2;
    static final double NEXTPNR_PER_KOPS_POWER = 1.66;
    static final double NEXTPNR_EXPONENT = 2.11;
    // icepack writes the part's whole bitstream whatever the design: 0.00 to 0.03 s measured
    static final double ICEPACK_SECONDS = 0.1;
    // icetime: 0.5 s (RAM), 0.8 s at 968, 2.0 at 3,848, 2.6 at 4,737 bit operations; linear, capped like nextpnr
    static final double ICETIME_FIXED = 0.6;
    static final double ICETIME_PER_KOPS = 0.45;

    /** The whole flow on {@code part}: synthesis, place and route, icepack and icetime. */
    public static ToolRunEstimate build(DesignSize size, FpgaPart part) {
        double placed = Math.min(size.bitOps(), part.logicCells()) / 1000.0;
        return synthesis(size).plus(new ToolRunEstimate(List.of(
                new Stage("nextpnr place and route",
                        NEXTPNR_FIXED + NEXTPNR_PER_KOPS_POWER * Math.pow(placed, NEXTPNR_EXPONENT)),
                new Stage("icepack", ICEPACK_SECONDS),
                new Stage("icetime", ICETIME_FIXED + ICETIME_PER_KOPS * placed))));
    }

    /** Yosys synthesis alone (as {@code --estimate-only} and the max-array search's estimate step run it). */
    public static ToolRunEstimate synthesis(DesignSize size) {
        double kops = size.bitOps() / 1000.0;
        return new ToolRunEstimate(List.of(new Stage("yosys synthesis",
                YOSYS_FIXED + YOSYS_PER_KOPS_POWER * Math.pow(kops, YOSYS_EXPONENT))));
    }
}
