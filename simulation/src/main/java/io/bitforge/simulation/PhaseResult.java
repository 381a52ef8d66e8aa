package io.bitforge.simulation;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.workload.PhaseGraph;

import java.util.List;

/**
 * A simulated phase: its ops in order, their summed cost and cycles, and the tokens it produces.
 *
 * @param cycles             sum of the ops' cycles (ops run back to back)
 * @param utilizationPercent the phase's MACs / (cycles × peak MACs per cycle of its weight GEMMs' precisions)
 */
public record PhaseResult(PhaseGraph phase, List<OpResult> ops, CostReport cost, long cycles,
                          double latencySeconds, double utilizationPercent) {
    public PhaseResult {
        ops = List.copyOf(ops);
    }

    public long macs() {
        return phase.graph().totalMacs();
    }
}
