package io.bitforge.pe.shiftadd;

import io.bitforge.core.cost.ActionCounts;
import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.CostSource;
import io.bitforge.core.cost.CycleBreakdown;
import io.bitforge.core.cost.EnergyBreakdown;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.tech.TechNode;
import io.bitforge.core.tech.TechScaling;
import io.bitforge.pe.DequantOps;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cost of MixPE's per-column edge dequantisers ({@link MixPeDequantTiming#EDGE}) for one GEMM instance, beyond
 * the array's fold model.
 *
 * <p><b>Cycles.</b> At a group boundary a column's R·f_a group sums reach its dequantisers one row per cycle, in
 * the order the skew brings them (row i's G-th product lands one cycle after row i − 1's), so the column finishes a
 * group's rows R·f_a cycles after its first, and the next boundary comes G steps later. The last group of a fold
 * is dequantised while the array's skew drains (its last row in the cycle the output-stationary array would
 * capture its sums), so a tile costs the array's cycles when R·f_a ≤ G; when R·f_a &gt; G the array waits
 * R·f_a − G cycles at each of a fold's G-group boundaries but the last. (BitForge's RTL builds R·f_a ≤ G only and
 * its start→computed count is the engine's + 4, {@code TileArray.OVERHEAD_CYCLES}.)
 *
 * <p><b>Energy and area</b> (estimates, flagged): per output and group one FP16 × integer product rounded to FP32
 * and one FP32 add (Horowitz, ISSCC 2014, 45 nm: FP32 multiply 3.7 pJ, add 0.9 pJ), plus z·S and P − z·S as an
 * 8-bit multiply (0.2 pJ) and a 32-bit integer add (0.1 pJ); per activation one 32-bit integer add for Σa at the
 * activation edge. One dequantiser (FP32 multiplier 7700 µm² + FP32 adder 4184 µm², Horowitz's 45 nm areas) per
 * column output lane, one 32-bit adder (137 µm²) per row for Σa. Real units round, convert and pipeline; no
 * published figure for MixPE's dequantiser exists (research notes §1.1: the circuit is unpublished).
 */
final class EdgeDequantCost {
    /** Horowitz, ISSCC 2014, 45 nm: 8-bit integer multiply (z·S, a 4-bit zero point times the group's Σa). */
    static final double INT8_MULT_PICOJOULES = 0.2;
    /** Horowitz, ISSCC 2014, 45 nm: 32-bit integer add (P − z·S; one Σa step). */
    static final double INT32_ADD_PICOJOULES = 0.1;
    /** Horowitz, ISSCC 2014, 45 nm: FP32 adder area, µm². */
    static final double FP32_ADD_SQUARE_MICROMETRES = DequantOps.FP32_ADD_SQUARE_MICROMETRES;
    /** Horowitz, ISSCC 2014, 45 nm: 32-bit integer adder area, µm². */
    static final double INT32_ADD_SQUARE_MICROMETRES = 137;
    static final String AREA_UNIT = "dequant-edge";
    static final CostSource SOURCE = new CostSource("mixpe-dequant-edge", "BitForge estimate of MixPE's per-column "
            + "edge dequantiser: per output and group an FP32 multiply (3.7 pJ, 7700 um^2) and add (0.9 pJ, "
            + "4184 um^2), an 8-bit multiply (0.2 pJ) and a 32-bit add (0.1 pJ); per activation a 32-bit add for "
            + "the group sum (0.1 pJ, 137 um^2 per row) (Horowitz ISSCC 2014 figures; MixPE's circuit is "
            + "unpublished)", "45nm", true);

    private EdgeDequantCost() {
    }

    /** Stall cycles, dequantisation energy and the dequantisers' area for one instance of {@code op}. */
    static CostReport of(HardwareSpec spec, GemmOp op, CellTiming timing, int groupSize) {
        int rows = spec.array().rows();
        int cols = spec.array().cols();
        long groups = ceilDiv(op.k(), groupSize);
        long rowFolds = ceilDiv(ceilDiv(op.m(), timing.lanesM()), rows);
        long colFolds = ceilDiv(ceilDiv(op.n(), timing.lanesN()), cols);
        long sumsPerBoundary = (long) rows * timing.lanesM();
        long groupCycles = ceilDiv(groupSize, timing.lanesK()) * timing.cyclesPerStep();
        long excess = Math.max(0, sumsPerBoundary - groupCycles);
        long stall = Math.multiplyExact(Math.multiplyExact(rowFolds, colFolds), Math.multiplyExact(groups - 1, excess));
        long outputGroups = Math.multiplyExact(Math.multiplyExact(op.m(), op.n()), groups);
        long activations = Math.multiplyExact(op.m(), op.k());
        double energyFactor = TechScaling.energyFactor(TechNode.N45, spec.node());
        double picojoules = (outputGroups * (DequantOps.FP32_MULT_PICOJOULES + DequantOps.FP32_ADD_PICOJOULES
                + INT8_MULT_PICOJOULES + INT32_ADD_PICOJOULES) + activations * INT32_ADD_PICOJOULES) * energyFactor;
        double area = ((double) cols * timing.lanesN() * (DequantOps.FP32_MULT_SQUARE_MICROMETRES
                + FP32_ADD_SQUARE_MICROMETRES) + (double) rows * timing.lanesM() * INT32_ADD_SQUARE_MICROMETRES)
                * TechScaling.areaFactor(TechNode.N45, spec.node());
        List<CostSource> sources = new ArrayList<>(List.of(SOURCE));
        TechScaling.sourceFor(TechNode.N45, spec.node()).ifPresent(sources::add);
        return new CostReport(new CycleBreakdown(stall, 0, 0, 0), ActionCounts.ZERO,
                EnergyBreakdown.of(EnergyCategory.DEQUANT, picojoules), Map.of(AREA_UNIT, area), sources);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
