package io.bitforge.roofline;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.VectorOp;

import java.util.ArrayList;
import java.util.List;

/**
 * Fused attention in the FlashAttention-2 manner (Dao 2023, arXiv:2307.08691, Algorithm 1): the score GEMM,
 * its softmax and the context GEMM become one op whose score matrix never leaves the chip. It reads Q once,
 * re-reads all of K and V once per block of {@code queryBlock} query rows, and writes O (query rows × head
 * size) once. Operations are the sum of the three ops.
 * <p>
 * Differs from LLM-Viewer's fused attention on purpose: its output is sized S×S instead of S×head size, and it
 * reads K/V with the query head count instead of the KV head count; here shapes come from the graph's own GEMMs.
 */
public final class AttentionFusion {
    private AttentionFusion() {
    }

    /**
     * The graph's ops as costs, each score → [softmax] → context chain with equal counts fused. Other ops pass
     * through unchanged, in order.
     */
    public static List<OpCost> fuse(List<Op> ops, RooflineMachine machine, int queryBlock) {
        if (queryBlock < 1) {
            throw new IllegalArgumentException("query block must be >= 1, got " + queryBlock);
        }
        List<OpCost> out = new ArrayList<>();
        boolean[] used = new boolean[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            if (used[i]) {
                continue;
            }
            Op op = ops.get(i);
            if (op instanceof GemmOp score && score.kind() == OpKind.ATTENTION_SCORE) {
                int softmax = -1;
                int context = -1;
                for (int j = i + 1; j < ops.size() && context < 0; j++) {
                    Op next = ops.get(j);
                    if (used[j]) {
                        continue;
                    }
                    if (next.kind() == OpKind.ATTENTION_SCORE) {
                        break;
                    }
                    if (next instanceof VectorOp && next.kind() == OpKind.SOFTMAX && softmax < 0) {
                        softmax = j;
                    } else if (next instanceof GemmOp gemm && next.kind() == OpKind.ATTENTION_CONTEXT
                            && gemm.count() == score.count()) {
                        context = j;
                    }
                }
                if (context >= 0) {
                    used[context] = true;
                    if (softmax >= 0) {
                        used[softmax] = true;
                    }
                    out.add(fused(score, softmax < 0 ? null : (VectorOp) ops.get(softmax),
                            (GemmOp) ops.get(context), machine, queryBlock));
                    continue;
                }
            }
            out.add(OpTraffic.of(op, machine));
        }
        return out;
    }

    static OpCost fused(GemmOp score, VectorOp softmax, GemmOp context, RooflineMachine machine, int queryBlock) {
        long blocks = -Math.floorDiv(-score.m(), (long) queryBlock);
        OpCost s = OpTraffic.gemm(score, machine);
        OpCost c = OpTraffic.gemm(context, machine);
        long q = score.activations().bytesFor(score.m() * score.k()) * score.count();
        // K (score's B) and V (context's B) once per query block, under the label their B operand has.
        OperandBytes k = withoutA(s.bytes(), q).times(blocks);
        long pBytes = context.activations().bytesFor(context.m() * context.k()) * context.count();
        OperandBytes v = withoutA(c.bytes(), pBytes);
        OperandBytes vBlocks = new OperandBytes(v.weights() * blocks, v.activationsIn() * blocks, 0,
                v.kvCacheRead() * blocks, 0);
        OperandBytes bytes = new OperandBytes(0, q, 0, 0, 0).plus(new OperandBytes(k.weights(), k.activationsIn(), 0,
                k.kvCacheRead(), 0)).plus(vBlocks).plus(new OperandBytes(0, 0, v.activationsOut(), 0,
                v.kvCacheWrite()));
        double ops = score.totalOps() + context.totalOps() + (softmax == null ? 0 : softmax.totalOps());
        String name = score.name() + "+" + (softmax == null ? "" : softmax.name() + "+") + context.name();
        return OpCost.compute(name, OpKind.ATTENTION_SCORE, score.count(), ops, bytes, s.peak())
                .withKindLabel("fused-attention");
    }

    /** The bytes of a GEMM without its A operand's read (and, for the score GEMM, without its S×S output). */
    private static OperandBytes withoutA(OperandBytes bytes, long aBytes) {
        return new OperandBytes(bytes.weights(), bytes.activationsIn() - aBytes, bytes.activationsOut(),
                bytes.kvCacheRead(), bytes.kvCacheWrite());
    }
}
