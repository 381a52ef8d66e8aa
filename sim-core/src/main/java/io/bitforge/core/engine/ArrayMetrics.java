package io.bitforge.core.engine;

import java.util.List;

/**
 * The array figures of one GEMM instance, with SCALE-Sim v2's definitions (scalesim-project/scale-sim-v2,
 * {@code scalesim/single_layer_sim.py} and {@code scalesim/compute/systolic_compute_{os,ws,is}.py}):
 * <ul>
 *   <li>{@code computeCycles}: cycles of the fold schedule without memory stalls. SCALE-Sim reports the index of
 *       the cycle in which the last output is written, so this is the sum of fold lengths minus one.</li>
 *   <li>{@code totalCycles}: {@code computeCycles + stallCycles} (SCALE-Sim's "Total Cycles").</li>
 *   <li>{@code overallUtilizationPercent}: MACs / (totalCycles × peak MACs per cycle) × 100.</li>
 *   <li>{@code mappingEfficiencyPercent}: mean over folds of the fraction of cells a fold maps.</li>
 *   <li>{@code computeUtilizationPercent}: mean over folds of busy cell-cycles / (cells × the fold's cycle
 *       window); for WS and IS that window is SCALE-Sim's fold length plus {@code cols − 1}, as SCALE-Sim
 *       measures it on its unskewed demand matrix.</li>
 * </ul>
 */
public record ArrayMetrics(long rowFolds, long colFolds, long foldCycles, long computeCycles, long stallCycles,
                           long macs, double overallUtilizationPercent, double computeUtilizationPercent,
                           double mappingEfficiencyPercent, List<FoldClass> foldClasses) {
    public ArrayMetrics {
        foldClasses = List.copyOf(foldClasses);
    }

    public long folds() {
        return rowFolds * colFolds;
    }

    public long totalCycles() {
        return computeCycles + stallCycles;
    }
}
