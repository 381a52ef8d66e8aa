package io.bitforge.workloads.llm;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

/**
 * The bytes an op's operands occupy, all instances together, split as LLM-Viewer reports them
 * ({@code load_weight, load_act, store_act, load_kv_cache, store_kv_cache}): each operand counted once per
 * instance, as if nothing stayed on chip between ops. This is the traffic floor a roofline uses, not what a
 * simulated memory hierarchy moves. Differences from LLM-Viewer: quantised weights add one FP16 scale per group
 * (no zero point), vector ops read their parameters (norm weights, biases) and every input they add.
 */
public record OpFootprint(long loadWeightBytes, long loadActivationBytes, long storeActivationBytes,
                          long loadKvBytes, long storeKvBytes) {

    /** FP16 per-group scale: the usual storage of group-wise weight quantisation (GPTQ, AWQ). */
    private static final Precision SCALE = Precision.FP16;

    public long totalBytes() {
        return loadWeightBytes + loadActivationBytes + storeActivationBytes + loadKvBytes + storeKvBytes;
    }

    public static OpFootprint of(Op op) {
        if (op instanceof GemmOp gemm) {
            return gemm(gemm);
        }
        return vector((VectorOp) op);
    }

    private static OpFootprint gemm(GemmOp op) {
        long count = op.count();
        long a = op.activations().bytesFor(op.m() * op.k()) * count;
        long b = op.weights().bytesFor(op.k() * op.n()) * count;
        long c = op.outputs().bytesFor(op.m() * op.n()) * count;
        // K/V projections (and their LLM.int8() outlier parts, "k_proj.outliers") write into the KV cache.
        String base = op.name().contains(".") ? op.name().substring(0, op.name().indexOf('.')) : op.name();
        boolean storesKv = base.equals(LlmGraphBuilder.K_PROJ) || base.equals(LlmGraphBuilder.V_PROJ)
                || base.equals(LlmGraphBuilder.KV_PROJ);
        long storeAct = storesKv ? 0 : c;
        long storeKv = storesKv ? c : 0;
        return switch (op.bOperand()) {
            case WEIGHTS -> {
                long scales = op.weightGroupSize() == 0 ? 0
                        : SCALE.bytesFor(-Math.floorDiv(-op.k(), op.weightGroupSize()) * op.n()) * count;
                yield new OpFootprint(b + scales, a, storeAct, 0, storeKv);
            }
            case KV_CACHE -> new OpFootprint(0, a, storeAct, b, storeKv);
            case ACTIVATIONS -> new OpFootprint(0, a + b, storeAct, 0, storeKv);
        };
    }

    private static OpFootprint vector(VectorOp op) {
        Precision p = op.precision();
        long count = op.count();
        return new OpFootprint(p.bytesFor(op.parameterElements()) * count,
                p.bytesFor(op.elements() * op.inputsPerElement()) * count, p.bytesFor(op.elements()) * count, 0, 0);
    }

    /** The same footprint with the weights' bytes replaced (e.g. by the design's stored width). */
    public OpFootprint withWeightBytes(long weightBytes) {
        return new OpFootprint(weightBytes, loadActivationBytes, storeActivationBytes, loadKvBytes, storeKvBytes);
    }

    /**
     * All instances' weight bytes at {@code storedBitsPerWeight} (a PE family's stored width: code bits plus
     * per-group metadata, possibly fractional), each instance rounded up to whole bytes.
     */
    public static long storedWeightBytes(GemmOp op, double storedBitsPerWeight) {
        long perInstance = (long) Math.ceil((double) op.k() * op.n() * storedBitsPerWeight / 8);
        return Math.multiplyExact(perInstance, op.count());
    }

    public OpFootprint plus(OpFootprint other) {
        return new OpFootprint(loadWeightBytes + other.loadWeightBytes,
                loadActivationBytes + other.loadActivationBytes, storeActivationBytes + other.storeActivationBytes,
                loadKvBytes + other.loadKvBytes, storeKvBytes + other.storeKvBytes);
    }

    public static OpFootprint zero() {
        return new OpFootprint(0, 0, 0, 0, 0);
    }
}
