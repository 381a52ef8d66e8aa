package io.bitforge.roofline;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

import java.util.List;

/**
 * Memory a model needs on its devices (whole model, before any tensor-parallel split):
 * <ul>
 *   <li>weights: every GEMM weight of one forward pass at its precision with its group scales (lm_head
 *       included), plus the parameters no GEMM holds (embedding table, norm weights) at {@code otherParameters}'
 *       width. LLM-Viewer leaves lm_head and embeddings out; this does not.</li>
 *   <li>KV cache: every byte the K/V projections store, summed over the phases given (prefill of the context,
 *       then every generated token).</li>
 *   <li>activations: the largest activation working set of one op instance (its inputs and outputs), a lower
 *       bound on transient memory.</li>
 * </ul>
 */
public record MemoryFootprint(long weightBytes, long kvCacheBytes, long activationBytes) {

    public long totalBytes() {
        return weightBytes + kvCacheBytes + activationBytes;
    }

    /**
     * @param onePass         a graph that runs every layer once (a prefill graph)
     * @param parameterCount  the model's parameter count (embeddings and heads included)
     * @param otherParameters the precision of parameters outside GEMMs (embedding table, norms)
     * @param kvPhases        the graphs whose K/V projection outputs make up the cache
     */
    public static MemoryFootprint of(OpGraph onePass, long parameterCount, Precision otherParameters,
                                     List<OpGraph> kvPhases) {
        long gemmWeightBytes = 0;
        long gemmWeightElements = 0;
        for (GemmOp gemm : onePass.gemms()) {
            if (gemm.bOperand() == BOperand.WEIGHTS) {
                long elements = Math.multiplyExact(gemm.k() * gemm.n(), gemm.count());
                gemmWeightElements += elements;
                gemmWeightBytes += (gemm.weights().bytesFor(gemm.k() * gemm.n()) + OpTraffic.groupScaleBytes(gemm))
                        * gemm.count();
            }
        }
        long rest = Math.max(0, parameterCount - gemmWeightElements);
        long weights = gemmWeightBytes + otherParameters.bytesFor(rest);
        long kv = 0;
        for (OpGraph graph : kvPhases) {
            for (GemmOp gemm : graph.gemms()) {
                if (OpTraffic.writesKvCache(gemm.name())) {
                    kv += gemm.outputs().bytesFor(gemm.m() * gemm.n()) * gemm.count();
                }
            }
        }
        long activations = 0;
        for (Op op : onePass.ops()) {
            activations = Math.max(activations, instanceActivationBytes(op));
        }
        return new MemoryFootprint(weights, kv, activations);
    }

    private static long instanceActivationBytes(Op op) {
        if (op instanceof GemmOp gemm) {
            long b = gemm.bOperand() == BOperand.ACTIVATIONS ? gemm.weights().bytesFor(gemm.k() * gemm.n()) : 0;
            return gemm.activations().bytesFor(gemm.m() * gemm.k()) + b + gemm.outputs().bytesFor(gemm.m() * gemm.n());
        }
        VectorOp vector = (VectorOp) op;
        return vector.precision().bytesFor(vector.elements() * (vector.inputsPerElement() + 1L));
    }
}
