package io.bitforge.roofline;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;

import java.util.ArrayList;
import java.util.List;

/**
 * A Llama-2-7B-shaped op graph written by hand for tests (hidden 4096, 32 heads of 128, intermediate 11008,
 * vocabulary 32000, Hugging Face {@code meta-llama/Llama-2-7b-hf/config.json}), laid out the way LLM-Viewer
 * lays out its layers so its numbers can be compared row by row.
 */
final class HandBuiltLlama {
    static final int HIDDEN = 4096;
    static final int HEADS = 32;
    static final int HEAD = 128;
    static final int INTERMEDIATE = 11008;
    static final int VOCAB = 32000;

    private HandBuiltLlama() {
    }

    /**
     * @param tokens     query tokens per sequence in this pass (1 for one decode step, S for prefill)
     * @param kvTokens   tokens attended to
     * @param layers     decoder layers the graph stands for
     * @param w          weight precision, {@code a} activations, {@code kv} the KV cache
     * @param group      weight group size (0 = none)
     */
    static OpGraph graph(int batch, int tokens, int kvTokens, int layers, Precision w, Precision a, Precision kv,
                         int group) {
        long m = (long) batch * tokens;
        BOperand attentionB = tokens == 1 ? BOperand.KV_CACHE : BOperand.ACTIVATIONS;
        List<Op> ops = new ArrayList<>();
        ops.add(new VectorOp("attn_norm", OpKind.NORM, m * HIDDEN, 7, 1, 0, layers, a));
        ops.add(proj("q_proj", m, HIDDEN, HIDDEN, layers, a, w, a, group));
        ops.add(proj("k_proj", m, HIDDEN, HIDDEN, layers, a, w, kv, group));
        ops.add(proj("v_proj", m, HIDDEN, HIDDEN, layers, a, w, kv, group));
        long heads = (long) layers * batch * HEADS;
        ops.add(new GemmOp("qk_matmul", OpKind.ATTENTION_SCORE, tokens, HEAD, kvTokens, heads, a, kv, a,
                attentionB, 0));
        ops.add(new VectorOp("softmax", OpKind.SOFTMAX, (long) tokens * kvTokens, 5, 1, 0, heads, a));
        ops.add(new GemmOp("sv_matmul", OpKind.ATTENTION_CONTEXT, tokens, kvTokens, HEAD, heads, a, kv, a,
                attentionB, 0));
        ops.add(proj("out_proj", m, HIDDEN, HIDDEN, layers, a, w, a, group));
        ops.add(new VectorOp("attn_add", OpKind.ELEMENTWISE, m * HIDDEN, 1, 2, 0, layers, a));
        ops.add(new VectorOp("mlp_norm", OpKind.NORM, m * HIDDEN, 7, 1, 0, layers, a));
        ops.add(mlp("gate_proj", m, HIDDEN, INTERMEDIATE, layers, a, w, group));
        ops.add(mlp("up_proj", m, HIDDEN, INTERMEDIATE, layers, a, w, group));
        ops.add(new VectorOp("mlp_act", OpKind.ACTIVATION, m * INTERMEDIATE, 2, 2, 0, layers, a));
        ops.add(mlp("down_proj", m, INTERMEDIATE, HIDDEN, layers, a, w, group));
        ops.add(new VectorOp("mlp_add", OpKind.ELEMENTWISE, m * HIDDEN, 1, 2, 0, layers, a));
        // lm_head on the last token of each sequence, as LLM-Viewer does.
        ops.add(new GemmOp("lm_head", OpKind.LM_HEAD, batch, HIDDEN, VOCAB, 1, a, w, a, BOperand.WEIGHTS, group));
        return new OpGraph("llama-2-7b-by-hand", ops);
    }

    private static GemmOp proj(String name, long m, long k, long n, int layers, Precision a, Precision w,
                               Precision out, int group) {
        return new GemmOp(name, OpKind.PROJECTION, m, k, n, layers, a, w, out, BOperand.WEIGHTS, group);
    }

    private static GemmOp mlp(String name, long m, long k, long n, int layers, Precision a, Precision w, int group) {
        return new GemmOp(name, OpKind.MLP, m, k, n, layers, a, w, a, BOperand.WEIGHTS, group);
    }
}
