package io.bitforge.cli.simulate;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.op.Op;
import io.bitforge.workloads.llm.OpFootprint;

/**
 * One op of a simulated phase.
 *
 * @param cost          the engine's cost of all instances, DRAM energy of the footprint added when the engine's
 *                      memory model counted none
 * @param metrics       the array figures of one instance (null for vector ops and custom-cost families)
 * @param footprint     operand bytes of all instances, each operand moved once per instance
 * @param engineCycles  the engine's cycles (compute + fill/drain + vector + its DRAM and SRAM stalls)
 * @param dramCycles    the DRAM floor: footprint bytes / sustained bytes per cycle, rounded up
 * @param cycles        max(engineCycles, dramCycles): transfers overlapped with compute (double buffering)
 * @param bound         {@code memory} when the DRAM floor sets the time, else {@code compute} (array) or
 *                      {@code vector}
 * @param utilizationPercent MACs / (cycles × the array's peak MACs per cycle at this op's precisions); 0 for
 *                      vector ops
 */
public record OpResult(String phase, Op op, CostReport cost, ArrayMetrics metrics, OpFootprint footprint,
                       long engineCycles, long dramCycles, long cycles, String bound, double utilizationPercent) {
}
