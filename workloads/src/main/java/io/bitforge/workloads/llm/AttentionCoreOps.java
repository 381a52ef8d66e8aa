package io.bitforge.workloads.llm;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpKind;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The attention core of every layer (scores, softmax, context) for prefill and decode, split into the layers that
 * attend globally and those with a sliding window. Query heads that share a KV head are grouped (M = group ×
 * rows, one instance per sequence and KV head). Multi-head latent attention runs prefill in the expanded form
 * (per-head keys of nope + rope width, values of v_head_dim, as transformers' {@code DeepseekV2Attention} does)
 * and decode in the absorbed form over the cached latent (DeepSeek-V2, Sec. 2.1.2: W^UK folded into the query,
 * W^UV after attention), where all heads share one cached "head" of kv_lora_rank + rope width. Extras: a soft-cap
 * on the scores is 3 ops per score (divide, tanh, multiply: Gemma 2), attention sinks add one logit per head and
 * query to the softmax (gpt-oss).
 */
final class AttentionCoreOps {
    private final ModelConfig model;
    private final QuantConfig quant;
    private final LlmOptions options;

    AttentionCoreOps(ModelConfig model, QuantConfig quant, LlmOptions options) {
        this.model = model;
        this.quant = quant;
        this.options = options;
    }

    /** The shape of the core: KV heads, query heads per KV head, score (Q·K) width and value width. */
    record Core(long kvHeads, long group, long scoreDim, long valueDim) {
        static Core of(AttentionShape attention, boolean decode) {
            if (attention.isLatent()) {
                LatentAttention mla = attention.latent();
                return decode ? new Core(1, attention.heads(), mla.cachedPerToken(), mla.kvLoraRank())
                        : new Core(attention.heads(), 1, mla.queryHeadDim(), mla.valueHeadDim());
            }
            return new Core(attention.kvHeads(), attention.groupSize(), attention.headDim(), attention.headDim());
        }
    }

    /** Layers that share one attention reach: {@code window} 0 is global. */
    private record LayerGroup(long layers, long window, String label) {
    }

    private List<LayerGroup> groups() {
        SlidingWindow window = model.attention().window();
        List<LayerGroup> groups = new ArrayList<>();
        long global = (long) model.layers() - window.layers();
        if (global > 0) {
            groups.add(new LayerGroup(global, 0, ""));
        }
        if (window.isPresent()) {
            groups.add(new LayerGroup(window.layers(), window.tokens(), global > 0 ? "[local]" : ""));
        }
        return groups;
    }

    void prefill(OpEmitter out, long batch, long prompt) {
        AttentionShape attention = model.attention();
        Core core = Core.of(attention, false);
        for (LayerGroup layers : groups()) {
            long instances = batch * core.kvHeads() * layers.layers();
            List<long[]> blocks = new ArrayList<>();
            if (options.attention() == AttentionCounting.FULL) {
                blocks.add(new long[] {prompt, prompt});
            } else {
                long block = options.causalBlock();
                for (long first = 0; first < prompt; first += block) {
                    long rowsInBlock = Math.min(block, prompt - first);
                    // Keys first-W+1 .. first+rows-1 with a window of W, 0 .. first+rows-1 without.
                    long lowestKey = layers.window() > 0 ? Math.max(0, first - layers.window() + 1) : 0;
                    blocks.add(new long[] {rowsInBlock, first + rowsInBlock - lowestKey, first + rowsInBlock});
                }
            }
            boolean single = blocks.size() == 1;
            long scoreElements = 0;
            for (long[] block : blocks) {
                out.gemm(new GemmOp("qk_matmul" + layers.label() + suffix(block, single), OpKind.ATTENTION_SCORE,
                        core.group() * block[0], core.scoreDim(), block[1], instances, quant.activations(),
                        quant.kvCache(), quant.highPrecision(), BOperand.ACTIVATIONS, 0));
                scoreElements += block[0] * block[1];
            }
            normalise(out, layers, scoreElements, prompt, batch);
            for (long[] block : blocks) {
                out.gemm(new GemmOp("sv_matmul" + layers.label() + suffix(block, single), OpKind.ATTENTION_CONTEXT,
                        core.group() * block[0], block[1], core.valueDim(), instances, quant.activations(),
                        quant.kvCache(), quant.activations(), BOperand.ACTIVATIONS, 0));
            }
        }
    }

    private static String suffix(long[] block, boolean single) {
        if (single) {
            return "";
        }
        long last = block.length > 2 ? block[2] : block[1];
        return "[rows " + (last - block[0] + 1) + ".." + last + "]";
    }

    void decode(OpEmitter out, long batch, long context, long generated) {
        Core core = Core.of(model.attention(), true);
        for (LayerGroup layers : groups()) {
            long perStep = batch * core.kvHeads() * layers.layers();
            DecodeAttention growth = new DecodeAttention(context, generated, options.kvBucket(), layers.window());
            List<DecodeAttention.Bucket> buckets = growth.buckets();
            for (DecodeAttention.Bucket bucket : buckets) {
                out.gemm(new GemmOp("qk_matmul" + layers.label() + keysLabel(bucket, buckets.size()),
                        OpKind.ATTENTION_SCORE, core.group(), core.scoreDim(), bucket.keys(), perStep * bucket.steps(),
                        quant.activations(), quant.kvCache(), quant.highPrecision(), BOperand.KV_CACHE, 0));
            }
            // Softmax cost is linear in its elements, so one op carries the exact closed-form total.
            normalise(out, layers, growth.exactKeys(), generated, batch);
            for (DecodeAttention.Bucket bucket : buckets) {
                out.gemm(new GemmOp("sv_matmul" + layers.label() + keysLabel(bucket, buckets.size()),
                        OpKind.ATTENTION_CONTEXT, core.group(), bucket.keys(), core.valueDim(),
                        perStep * bucket.steps(), quant.activations(), quant.kvCache(), quant.activations(),
                        BOperand.KV_CACHE, 0));
            }
        }
    }

    /**
     * Verification of a speculative step (Medusa's tree attention, Cai et al. 2024, Sec. 2.1.2; draft-model
     * verification, Leviathan et al. 2023): {@code queries} candidate tokens per sequence attend the
     * {@code context} cached tokens and the candidates (a tree mask hides the non-ancestors, but the kernel computes
     * the whole queries × (context + queries) block, as a non-fused prefill does).
     */
    void verify(OpEmitter out, long batch, long context, long queries) {
        Core core = Core.of(model.attention(), true);
        for (LayerGroup layers : groups()) {
            long instances = batch * core.kvHeads() * layers.layers();
            long keys = layers.window() > 0 ? Math.min(context + queries, layers.window() + queries - 1)
                    : context + queries;
            out.gemm(new GemmOp("qk_matmul" + layers.label(), OpKind.ATTENTION_SCORE, core.group() * queries,
                    core.scoreDim(), keys, instances, quant.activations(), quant.kvCache(), quant.highPrecision(),
                    BOperand.KV_CACHE, 0));
            normalise(out, layers, queries * keys, queries, batch);
            out.gemm(new GemmOp("sv_matmul" + layers.label(), OpKind.ATTENTION_CONTEXT, core.group() * queries, keys,
                    core.valueDim(), instances, quant.activations(), quant.kvCache(), quant.activations(),
                    BOperand.KV_CACHE, 0));
        }
    }

    /**
     * Soft-cap and softmax over {@code scores} per head and sequence; each of the sequence's {@code queries} query
     * rows adds a sink logit per head when the model has sinks.
     */
    private void normalise(OpEmitter out, LayerGroup layers, long scores, long queries, long batch) {
        AttentionShape attention = model.attention();
        long heads = attention.heads();
        long count = batch * layers.layers();
        if (attention.logitSoftcap() > 0) {
            out.vector("attn_softcap" + layers.label(), OpKind.ELEMENTWISE, heads * scores, 3, 1, 0, count);
        }
        long sinkLogits = attention.sinks() ? queries : 0;
        out.vector("softmax" + layers.label(), OpKind.SOFTMAX, heads * (scores + sinkLogits), 5, 1,
                attention.sinks() ? heads : 0, count);
    }

    private static String keysLabel(DecodeAttention.Bucket bucket, int buckets) {
        return buckets == 1 && bucket.firstKeys() == bucket.lastKeys() ? ""
                : "[keys " + bucket.firstKeys() + ".." + bucket.lastKeys() + "]";
    }
}
