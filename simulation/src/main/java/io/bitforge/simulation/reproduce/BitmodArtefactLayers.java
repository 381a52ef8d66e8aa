package io.bitforge.simulation.reproduce;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.workloads.llm.AttentionShape;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.ModelStructure;
import io.bitforge.workloads.llm.WeightTensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The layer list of BitMoD's artefact (yc2367/BitMoD-HPCA-25 {@code bitmod_sim}): {@code llm_shape_profile.py}
 * records every {@code nn.Linear} of the Hugging Face model, {@code lm_head} included, and {@code pe_array.py}
 * ({@code _init_model_profiler}, the 2-D version that {@code accelerator.py} with one {@code pe_latency} reads) adds
 * two FP16 attention products per decoder layer. As GEMMs (M tokens, K the reduction, N output channels; the
 * artefact's tiles are ceil(K/dp)·ceil(N/rows)·ceil(M/cols) with M its output's first dimension):
 * <ul>
 *   <li>each linear layer: M = context (prefill, lm_head included) or 1 (decode), K = in features, N = out
 *       features, at the design's weights, FP16 activations and outputs;</li>
 *   <li>prefill QKᵀ ({@code attn_qk}): "weight" [context, hidden] (the queries), output [heads·context, context],
 *       so M = heads·context, K = hidden, N = context; S·V ({@code attn_v}): "weight" [heads·context, context],
 *       output [context, hidden], so M = context, K = context, N = heads·context;</li>
 *   <li>decode QKᵀ: weight [1, hidden], output [heads, context]: M = heads, K = hidden, N = 1; S·V: weight
 *       [heads, context], output [1, hidden]: M = 1, K = context, N = heads;</li>
 *   <li>both products are FP16 throughout; their input is [context, hidden·kv_heads/heads] in every case (the
 *       engine's {@code attentionInputWidth} option charges it; {@link #attentionInputWidth}).</li>
 * </ul>
 * These are the artefact's shapes, kept as it has them (its QKᵀ tile count covers heads × the products' MACs);
 * BitForge's own LLM graphs ({@code simulate}) model attention per KV head instead.
 */
public final class BitmodArtefactLayers {
    private BitmodArtefactLayers() {
    }

    /**
     * The layers of {@code model} for one phase ({@code prefill}: {@code context} tokens; {@code decode}: one token
     * with {@code context} cached), linear layers at {@code weights} in groups of {@code weightGroupSize}.
     */
    public static List<GemmOp> layers(ModelConfig model, String phase, long context, Precision weights,
                                      int weightGroupSize) {
        boolean prefill = phase.equals("prefill");
        long tokens = prefill ? context : 1;
        ModelStructure structure = new ModelStructure(model);
        long layerCount = model.layers();
        List<GemmOp> ops = new ArrayList<>();
        for (WeightTensor w : List.of(structure.query(), structure.key(), structure.value(), structure.output())) {
            ops.add(linear(w, OpKind.PROJECTION, tokens, layerCount, weights, weightGroupSize));
        }
        for (WeightTensor w : structure.mlpProjections()) {
            ops.add(linear(w, OpKind.MLP, tokens, layerCount, weights, weightGroupSize));
        }
        ops.add(linear(structure.lmHead(), OpKind.LM_HEAD, tokens, 1, weights, weightGroupSize));
        long hidden = model.hiddenSize();
        long heads = model.attention().heads();
        if (prefill) {
            ops.add(attention("attn_qk", OpKind.ATTENTION_SCORE, heads * context, hidden, context, layerCount,
                    BOperand.ACTIVATIONS));
            ops.add(attention("attn_v", OpKind.ATTENTION_CONTEXT, context, context, heads * context, layerCount,
                    BOperand.ACTIVATIONS));
        } else {
            ops.add(attention("attn_qk", OpKind.ATTENTION_SCORE, heads, hidden, 1, layerCount, BOperand.KV_CACHE));
            ops.add(attention("attn_v", OpKind.ATTENTION_CONTEXT, 1, context, heads, layerCount, BOperand.KV_CACHE));
        }
        return List.copyOf(ops);
    }

    /** The artefact's input width of both attention products: hidden / heads · kv_heads, rounded up. */
    public static long attentionInputWidth(ModelConfig model) {
        AttentionShape attention = model.attention();
        return (model.hiddenSize() * (long) attention.kvHeads() + attention.heads() - 1) / attention.heads();
    }

    private static GemmOp linear(WeightTensor w, OpKind kind, long tokens, long count, Precision weights,
                                 int group) {
        return new GemmOp(w.name(), kind, tokens, w.rows(), w.cols(), count, Precision.FP16, weights,
                Precision.FP16, BOperand.WEIGHTS, group);
    }

    private static GemmOp attention(String name, OpKind kind, long m, long k, long n, long count, BOperand b) {
        return new GemmOp(name, kind, m, k, n, count, Precision.FP16, Precision.FP16, Precision.FP16, b, 0);
    }
}
