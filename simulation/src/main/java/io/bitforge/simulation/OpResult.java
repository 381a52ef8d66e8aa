package io.bitforge.simulation;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.cost.EnergyCategory;
import io.bitforge.core.engine.ArrayMetrics;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /** The time and energy figures reports give per op, in report order. */
    public Map<String, Object> figures(long phaseCycles, double clockHertz) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("engineCycles", engineCycles);
        map.put("dramCycles", dramCycles);
        map.put("cycles", cycles);
        map.put("latencySeconds", cycles / clockHertz);
        map.put("sharePercent", phaseCycles == 0 ? 0.0 : 100.0 * cycles / phaseCycles);
        map.put("bound", bound);
        map.put("utilizationPercent", utilizationPercent);
        map.put("energyPicojoules", cost.totalPicojoules());
        return map;
    }

    /** CSV cells naming the op and its shape: op, kind, count, m, k, n, elements, activations, weights. */
    public List<Object> shapeCells() {
        GemmOp gemm = op instanceof GemmOp g ? g : null;
        VectorOp vector = op instanceof VectorOp v ? v : null;
        List<Object> row = new ArrayList<>();
        row.add(op.name());
        row.add(op.kind().name().toLowerCase(Locale.ROOT));
        row.add(op.count());
        row.add(gemm == null ? "" : gemm.m());
        row.add(gemm == null ? "" : gemm.k());
        row.add(gemm == null ? "" : gemm.n());
        row.add(vector == null ? "" : vector.elements());
        row.add(gemm == null ? vector.precision().format() : gemm.activations().format());
        row.add(gemm == null ? "" : gemm.weights().format());
        return row;
    }

    /** A cost's energy: the total, then every non-zero category. */
    public static Map<String, Object> energyMap(CostReport cost) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", cost.totalPicojoules());
        for (EnergyCategory category : EnergyCategory.values()) {
            double value = cost.energy().picojoules(category);
            if (value != 0) {
                map.put(category.name(), value);
            }
        }
        return map;
    }
}
