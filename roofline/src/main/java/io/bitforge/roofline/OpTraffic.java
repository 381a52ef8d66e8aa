package io.bitforge.roofline;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * Operations and DRAM bytes of one op, each operand at its own precision; every instance reads its inputs once
 * and writes its output once (LLM-Viewer's convention: weights once per forward pass, no reuse between ops).
 * <ul>
 *   <li>GEMM: 2·M·K·N ops; A (M×K) activations; B (K×N) weights, KV cache or activations as the op says; C (M×N)
 *       written as activations, or to the KV cache for a K/V projection ({@link #writesKvCache}).</li>
 *   <li>Group-quantised B operands also read one FP16 scale per group of {@code weightGroupSize} along K per
 *       column (an estimate of metadata: AWQ/GPTQ-style scales; zero points are not counted).</li>
 *   <li>Vector op: {@code opsPerElement} per output element; reads {@code inputsPerElement} activations per
 *       element and its parameters (norm weights, embedding rows), writes one element.</li>
 * </ul>
 */
public final class OpTraffic {
    /** Bits of one per-group scale (FP16). */
    static final int SCALE_BITS = 16;

    /** Last name segments of projections whose output goes to the KV cache. */
    private static final Set<String> KV_PROJECTIONS = Set.of("k_proj", "v_proj", "kv_proj", "wk", "wv", "key",
            "value");

    private OpTraffic() {
    }

    public static OpCost of(Op op, RooflineMachine machine) {
        if (op instanceof GemmOp gemm) {
            return gemm(gemm, machine);
        }
        return vector((VectorOp) op, machine);
    }

    static OpCost gemm(GemmOp op, RooflineMachine machine) {
        long a = op.activations().bytesFor(op.m() * op.k());
        OptionalDouble stored = op.bOperand() == BOperand.WEIGHTS ? machine.storedWeightBits(op) : OptionalDouble.empty();
        long b = stored.isPresent() ? (long) Math.ceil((double) op.k() * op.n() * stored.getAsDouble() / 8)
                : op.weights().bytesFor(op.k() * op.n()) + groupScaleBytes(op);
        long c = op.outputs().bytesFor(op.m() * op.n());
        boolean kvWrite = writesKvCache(op.name());
        OperandBytes one = new OperandBytes(
                op.bOperand() == BOperand.WEIGHTS ? b : 0,
                a + (op.bOperand() == BOperand.ACTIVATIONS ? b : 0),
                kvWrite ? 0 : c,
                op.bOperand() == BOperand.KV_CACHE ? b : 0,
                kvWrite ? c : 0);
        return OpCost.compute(op.name(), op.kind(), op.count(), op.totalOps(), one.times(op.count()),
                machine.gemmPeak(op.activations(), op.weights()));
    }

    static OpCost vector(VectorOp op, RooflineMachine machine) {
        Precision p = op.precision();
        OperandBytes one = new OperandBytes(p.bytesFor(op.parameterElements()),
                p.bytesFor(op.elements() * op.inputsPerElement()), p.bytesFor(op.elements()), 0, 0);
        return OpCost.compute(op.name(), op.kind(), op.count(), op.totalOps(), one.times(op.count()),
                machine.vectorPeak(p));
    }

    /** One FP16 scale per group along K per column of B. */
    static long groupScaleBytes(GemmOp op) {
        if (op.weightGroupSize() == 0) {
            return 0;
        }
        long groups = -Math.floorDiv(-op.k(), (long) op.weightGroupSize());
        return groups * op.n() * SCALE_BITS / 8;
    }

    /** True for a K or V projection by a name segment ({@code layers.k_proj}, {@code v_proj.outliers}). */
    public static boolean writesKvCache(String name) {
        for (String segment : name.split("[./:\\[]")) {
            if (KV_PROJECTIONS.contains(segment)) {
                return true;
            }
        }
        return false;
    }

    static String lastSegment(String name) {
        String[] parts = name.split("[./:]");
        return parts[parts.length - 1];
    }
}
