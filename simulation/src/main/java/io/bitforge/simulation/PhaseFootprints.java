package io.bitforge.simulation;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.workloads.llm.OpFootprint;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A phase graph with each op's DRAM footprint in bytes, in op order, without the weights of weight GEMMs
 * ({@code weightGemms[i]} non-null): those depend on the design's stored weight width and are added per design
 * ({@link Simulator#totals}). The rest depends only on the graph, so a sweep builds this once and shares it
 * (read-only) across designs. {@code sameWorkAs[i]} is the first op of the graph that differs from op {@code i} in
 * its name alone (itself when none does: Llama's q, k, v and o projections are one GEMM shape four times): an engine
 * costs an op by everything but its name, so a design evaluates each distinct op once.
 */
public record PhaseFootprints(PhaseGraph graph, long[] otherBytes, GemmOp[] weightGemms, int[] sameWorkAs) {

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
        int[] sameWorkAs = new int[ops.size()];
        java.util.Map<Op, Integer> first = new java.util.HashMap<>();
        for (int i = 0; i < sameWorkAs.length; i++) {
            Integer earlier = first.putIfAbsent(nameless(ops.get(i)), i);
            sameWorkAs[i] = earlier == null ? i : earlier;
        }
        return new PhaseFootprints(graph, bytes, weightGemms, sameWorkAs);
    }

    /** The op with an empty name: two ops whose nameless forms are equal cost the same on any engine. */
    private static Op nameless(Op op) {
        if (op instanceof GemmOp g) {
            return new GemmOp("", g.kind(), g.m(), g.k(), g.n(), g.count(), g.activations(), g.weights(),
                    g.outputs(), g.bOperand(), g.weightGroupSize());
        }
        VectorOp v = (VectorOp) op;
        return new VectorOp("", v.kind(), v.elements(), v.opsPerElement(), v.inputsPerElement(),
                v.parameterElements(), v.count(), v.precision());
    }

    /** Op {@code op}'s footprint with its weights (if any) at {@code storedWeightBits} per element. */
    long footprintBytes(int op, ToDoubleFunction<GemmOp> storedWeightBits) {
        GemmOp gemm = weightGemms[op];
        return gemm == null ? otherBytes[op]
                : otherBytes[op] + OpFootprint.storedWeightBytes(gemm, storedWeightBits.applyAsDouble(gemm));
    }
}
