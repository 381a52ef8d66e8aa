package io.bitforge.roofline;

import io.bitforge.core.op.OpKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Megatron-LM tensor parallelism (Shoeybi et al. 2019, arXiv:1909.08053, §3) across N devices, as the work
 * of one device:
 * <ul>
 *   <li>Column-parallel GEMMs (Q/K/V, gate/up, lm_head, any other projection): weights, ops and outputs split N
 *       ways; every device reads the whole input.</li>
 *   <li>Row-parallel GEMMs (the attention output and MLP down projections, by name: {@code o_proj},
 *       {@code out_proj}, {@code down_proj}, {@code dense_4h_to_h}, {@code fc2}, {@code wo}, {@code w2}): weights,
 *       ops and inputs split; every device writes a whole partial output, then a ring all-reduce of that output
 *       costs 2·(N−1)/N × bytes / link bandwidth.</li>
 *   <li>Attention (score, context, softmax, rotary), activations and dequantisation: split by heads / columns.</li>
 *   <li>Norms, residual adds, embeddings: replicated on every device.</li>
 * </ul>
 * Split byte counts round up to whole bytes. The lm_head logits gather and MoE routing are not modelled.
 */
public final class TensorParallel {
    private static final Set<String> ROW_PARALLEL = Set.of("o_proj", "out_proj", "down_proj", "dense_4h_to_h",
            "fc2", "wo", "w2");
    private static final Set<OpKind> SPLIT_VECTOR = Set.of(OpKind.SOFTMAX, OpKind.ROTARY, OpKind.ACTIVATION,
            OpKind.DEQUANT);
    private static final Set<OpKind> SPLIT_ATTENTION = Set.of(OpKind.ATTENTION_SCORE, OpKind.ATTENTION_CONTEXT);

    private TensorParallel() {
    }

    /** One device's share of every op, with an all-reduce row after each row-parallel GEMM. N = 1 is a no-op. */
    public static List<OpCost> split(List<OpCost> costs, int devices) {
        if (devices < 1) {
            throw new IllegalArgumentException("tensor-parallel degree must be >= 1, got " + devices);
        }
        if (devices == 1) {
            return costs;
        }
        List<OpCost> out = new ArrayList<>();
        double ringFactor = 2.0 * (devices - 1) / devices;
        for (OpCost cost : costs) {
            if (cost.isCollective()) {
                out.add(cost);
                continue;
            }
            OperandBytes b = cost.bytes();
            OpKind kind = cost.kind();
            double ops = cost.ops() / devices;
            if (kind.isGemm() && SPLIT_ATTENTION.contains(kind) || SPLIT_VECTOR.contains(kind)) {
                out.add(cost.withWork(ops, divide(b, devices, true, true)));
            } else if (kind.isGemm() && isRowParallel(cost.name())) {
                out.add(cost.withWork(ops, divide(b, devices, true, false)));
                out.add(OpCost.allReduce(cost.name() + ".all-reduce", cost.count(), b.activationsOut(), ringFactor));
            } else if (kind.isGemm() && kind != OpKind.ROUTER) {
                out.add(cost.withWork(ops, divide(b, devices, false, true)));
            } else {
                out.add(cost);
            }
        }
        return out;
    }

    /** A name segment is a row-parallel projection or ends in one ({@code expert_down_proj}, {@code o_proj.outliers}). */
    static boolean isRowParallel(String name) {
        for (String segment : name.split("[./:\\[]")) {
            for (String row : ROW_PARALLEL) {
                if (segment.equals(row) || segment.endsWith("_" + row)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Weights, KV cache and (as asked) inputs and outputs divided among the devices. */
    private static OperandBytes divide(OperandBytes b, int n, boolean inputs, boolean outputs) {
        return new OperandBytes(ceil(b.weights(), n), inputs ? ceil(b.activationsIn(), n) : b.activationsIn(),
                outputs ? ceil(b.activationsOut(), n) : b.activationsOut(), ceil(b.kvCacheRead(), n),
                outputs ? ceil(b.kvCacheWrite(), n) : b.kvCacheWrite());
    }

    private static long ceil(long value, int n) {
        return -Math.floorDiv(-value, (long) n);
    }
}
