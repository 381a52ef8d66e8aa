package io.bitforge.simulation;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A phase graph with each op's DRAM footprint in bytes, in op order, without the weights of weight GEMMs
 * ({@code weightGemms[i]} non-null): those depend on the design's stored weight width and are added per design
 * ({@link Simulator#totals}). The rest depends only on the graph, so a sweep builds this once and shares it
 * (read-only) across designs.
 */
public record PhaseFootprints(PhaseGraph graph, long[] otherBytes, GemmOp[] weightGemms) {

    public static PhaseFootprints of(PhaseGraph graph) {
        List<Op> ops = graph.graph().ops();
        long[] bytes = new long[ops.size()];
        GemmOp[] weightGemms = new GemmOp[ops.size()];
        for (int i = 0; i < bytes.length; i++) {
            OpFootprint footprint = OpFootprint.of(ops.get(i));
            if (ops.get(i) instanceof GemmOp gemm && gemm.bOperand() == BOperand.WEIGHTS) {
                weightGemms[i] = gemm;
                footprint = footprint.withWeightBytes(0);
            }
            bytes[i] = footprint.totalBytes();
        }
        return new PhaseFootprints(graph, bytes, weightGemms);
    }

    /** Op {@code op}'s footprint with its weights (if any) at {@code storedWeightBits} per element. */
    long footprintBytes(int op, ToDoubleFunction<GemmOp> storedWeightBits) {
        GemmOp gemm = weightGemms[op];
        return gemm == null ? otherBytes[op]
                : otherBytes[op] + OpFootprint.storedWeightBytes(gemm, storedWeightBits.applyAsDouble(gemm));
    }
}
