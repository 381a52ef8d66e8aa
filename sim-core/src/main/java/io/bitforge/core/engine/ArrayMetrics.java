package io.bitforge.core.engine;

import io.bitforge.core.pe.CellTiming;
import io.bitforge.core.spec.Dataflow;

import java.util.List;

/**
 * The array figures of one GEMM instance, with SCALE-Sim v2's definitions (scalesim-project/scale-sim-v2,
 * {@code scalesim/single_layer_sim.py} and {@code scalesim/compute/systolic_compute_{os,ws,is}.py}):
 * <ul>
 * {@code dataflow} and {@code timing} say how fold rows and columns map to M, K and N (see {@link FoldModel}).
 * <ul>
 *   <li>{@code computeCycles}: cycles of the fold schedule without memory stalls. SCALE-Sim reports the index of
 *       the cycle in which the last output is written, so this is the sum of fold lengths minus one.</li>
 *   <li>{@code stallCycles}: cycles the array waits for memory: DRAM transfers that outlast the fold schedule
 *       ({@link MemoryModel}) plus {@code sramStallCycles}, the cycles its operand SRAMs' banks and ports cannot
 *       keep up with the dataflow ({@link SramPortStalls}; SCALE-Sim has no such limit).</li>
 *   <li>{@code totalCycles}: {@code computeCycles + stallCycles} (SCALE-Sim's "Total Cycles").</li>
 *   <li>{@code overallUtilizationPercent}: MACs / (totalCycles × peak MACs per cycle) × 100. Because SCALE-Sim's
 *       totalCycles is one less than the cycles counted, a 1×1 output-stationary array (no fill or drain)
 *       reports slightly over 100%, as SCALE-Sim does.</li>
 *   <li>{@code mappingEfficiencyPercent}: mean over folds of the fraction of cells a fold maps.</li>
 *   <li>{@code computeUtilizationPercent}: mean over folds of busy cell-cycles / (cells × the fold's cycle
 *       window); for WS and IS that window is SCALE-Sim's fold length plus {@code cols − 1}, as SCALE-Sim
 *       measures it on its unskewed demand matrix.</li>
 * </ul>
 */
public record ArrayMetrics(Dataflow dataflow, CellTiming timing, long rowFolds, long colFolds, long foldCycles,
                           long computeCycles, long stallCycles, long sramStallCycles, long macs,
                           double overallUtilizationPercent, double computeUtilizationPercent,
                           double mappingEfficiencyPercent, List<FoldClass> foldClasses) {
    public ArrayMetrics {
        foldClasses = List.copyOf(foldClasses);
        if (sramStallCycles < 0 || sramStallCycles > stallCycles) {
            throw new IllegalArgumentException("SRAM stalls must be within 0.." + stallCycles + ", got "
                    + sramStallCycles);
        }
    }

    /** The same schedule with {@code dramStalls} DRAM stall cycles and no SRAM stalls. */
    public ArrayMetrics withStalls(long dramStalls) {
        return withStalls(dramStalls, 0);
    }

    /**
     * The same schedule with {@code dramStalls} + {@code sramStalls} memory-stall cycles: total cycles grow and
     * overall utilisation falls accordingly (SCALE-Sim computes overall utilisation over total cycles including
     * stalls).
     */
    public ArrayMetrics withStalls(long dramStalls, long sramStalls) {
        if (dramStalls < 0 || sramStalls < 0) {
            throw new IllegalArgumentException("stalls must be >= 0, got " + dramStalls + " and " + sramStalls);
        }
        long stalls = Math.addExact(dramStalls, sramStalls);
        double overall = overallUtilizationPercent * Math.max(1, computeCycles) / (double) Math.max(1,
                computeCycles + stalls);
        return new ArrayMetrics(dataflow, timing, rowFolds, colFolds, foldCycles, computeCycles, stalls, sramStalls,
                macs, overall, computeUtilizationPercent, mappingEfficiencyPercent, foldClasses);
    }

    /** Stall cycles spent waiting for DRAM: {@code stallCycles − sramStallCycles}. */
    public long dramStallCycles() {
        return stallCycles - sramStallCycles;
    }

    public long folds() {
        return rowFolds * colFolds;
    }

    public long totalCycles() {
        return computeCycles + stallCycles;
    }
}
