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
 * size) once. Operations are the sum of the three ops. The block counts rows of the score GEMM's M, which
 * for grouped-query attention packs the query heads sharing a KV head (so one decode step of a group reads
 * its K/V once, as FlashDecoding-style kernels do).
 * <p>
 * Differs from LLM-Viewer's fused attention on purpose: its output is sized S×S instead of S×head size, and it
 * reads K/V with the query head count instead of the KV head count; here shapes come from the graph's own GEMMs.
 */
public final class AttentionFusion {
    private AttentionFusion() {
    }

    /**
     * The graph's ops as costs with attention fused. A chain is a run of score GEMMs, an optional softmax, then
     * a run of as many context GEMMs (decode groups its steps by cache length, causal prefill by query block,
     * one GEMM per group): the i-th score pairs with the i-th context when their counts and key counts agree,
     * and the softmax's ops are shared among the pairs in proportion to their score elements. Anything else
     * passes through unfused, in order.
     */
    public static List<OpCost> fuse(List<Op> ops, RooflineMachine machine, int queryBlock) {
        if (queryBlock < 1) {
            throw new IllegalArgumentException("query block must be >= 1, got " + queryBlock);
        }
        List<OpCost> out = new ArrayList<>();
        int i = 0;
        while (i < ops.size()) {
            int chainEnd = chain(ops, i);
            if (chainEnd < 0) {
                out.add(OpTraffic.of(ops.get(i), machine));
                i++;
                continue;
            }
            List<GemmOp> scores = new ArrayList<>();
            int j = i;
            while (ops.get(j).kind() == OpKind.ATTENTION_SCORE) {
                scores.add((GemmOp) ops.get(j++));
            }
            VectorOp softmax = ops.get(j).kind() == OpKind.SOFTMAX ? (VectorOp) ops.get(j++) : null;
            double scoreElements = scores.stream().mapToDouble(g -> (double) g.m() * g.n() * g.count()).sum();
            for (GemmOp score : scores) {
                GemmOp context = (GemmOp) ops.get(j++);
                double softmaxOps = softmax == null ? 0
                        : softmax.totalOps() * ((double) score.m() * score.n() * score.count()) / scoreElements;
                out.add(fused(score, softmaxOps, context, machine, queryBlock));
            }
            i = chainEnd;
        }
        return out;
    }

    /** The index after a fusable chain starting at {@code start}, or -1 when none starts there. */
    private static int chain(List<Op> ops, int start) {
        int j = start;
        while (j < ops.size() && ops.get(j) instanceof GemmOp && ops.get(j).kind() == OpKind.ATTENTION_SCORE) {
            j++;
        }
        int scores = j - start;
        if (scores == 0) {
            return -1;
        }
        if (j < ops.size() && ops.get(j) instanceof VectorOp && ops.get(j).kind() == OpKind.SOFTMAX) {
            j++;
        }
        for (int p = 0; p < scores; p++, j++) {
            if (j >= ops.size() || !(ops.get(j) instanceof GemmOp context)
                    || context.kind() != OpKind.ATTENTION_CONTEXT) {
                return -1;
            }
            GemmOp score = (GemmOp) ops.get(start + p);
            if (context.count() != score.count() || context.k() != score.n() || context.m() != score.m()) {
                return -1;
            }
        }
        return j;
    }

    static OpCost fused(GemmOp score, double softmaxOps, GemmOp context, RooflineMachine machine, int queryBlock) {
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
        double ops = score.totalOps() + context.totalOps() + softmaxOps;
        int bracket = score.name().indexOf('[');
        String name = "fused_attention" + (bracket < 0 ? "" : score.name().substring(bracket));
        return OpCost.compute(name, OpKind.ATTENTION_SCORE, score.count(), ops, bytes, s.peak())
                .withKindLabel("fused-attention");
    }

    /** The bytes of a GEMM without its A operand's read (and, for the score GEMM, without its S×S output). */
    private static OperandBytes withoutA(OperandBytes bytes, long aBytes) {
        return new OperandBytes(bytes.weights(), bytes.activationsIn() - aBytes, bytes.activationsOut(),
                bytes.kvCacheRead(), bytes.kvCacheWrite());
    }
}
