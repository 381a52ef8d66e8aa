package io.bitforge.workloads.llm;

import java.util.Objects;

/**
 * The self-attention block of one decoder layer.
 *
 * @param heads          query heads
 * @param kvHeads        key/value heads (grouped-query attention when fewer than {@code heads}; 1 is multi-query)
 * @param headDim        width of one head (may differ from hidden / heads: Gemma, Qwen3)
 * @param qkvBias        Q, K and V projections carry biases (OPT, Phi-2, Qwen2, GPT-2, gpt-oss)
 * @param outputBias     the output projection carries a bias (OPT, Phi-2, GPT-2, gpt-oss)
 * @param positional     rotary or learned positions
 * @param rotaryFraction share of each head's width that is rotated (Phi-2's {@code partial_rotary_factor}; 1 for
 *                       Llama; 0 with learned positions)
 * @param fusedQkv       Q, K and V come from one projection (Phi-3 {@code qkv_proj}, Falcon {@code query_key_value},
 *                       GPT-2 {@code c_attn}): one GEMM instead of three, the same weights
 * @param qkNorm         an RMSNorm over each query and key head before rotary (Qwen3 {@code q_norm}/{@code k_norm})
 * @param sinks          one learned sink logit per head joins every softmax (gpt-oss {@code sinks})
 * @param logitSoftcap   attention scores pass through cap·tanh(s/cap) (Gemma 2 {@code attn_logit_softcapping});
 *                       0 = none
 * @param window         sliding-window attention, on some or all layers
 * @param latent         multi-head latent attention (DeepSeek-V2/V3), or null
 */
public record AttentionShape(int heads, int kvHeads, int headDim, boolean qkvBias, boolean outputBias,
                             PositionalKind positional, double rotaryFraction, boolean fusedQkv, boolean qkNorm,
                             boolean sinks, double logitSoftcap, SlidingWindow window, LatentAttention latent) {

    public AttentionShape {
        Objects.requireNonNull(positional, "positional");
        Objects.requireNonNull(window, "window");
    }

    /** Standard multi-head / grouped-query attention, no window, no extras. */
    public static AttentionShape standard(int heads, int kvHeads, int headDim, boolean qkvBias, boolean outputBias,
                                          PositionalKind positional, double rotaryFraction) {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, false,
                false, false, 0, SlidingWindow.NONE, null);
    }

    public AttentionShape withFusedQkv() {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, true,
                qkNorm, sinks, logitSoftcap, window, latent);
    }

    public AttentionShape withQkNorm() {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, fusedQkv,
                true, sinks, logitSoftcap, window, latent);
    }

    public AttentionShape withSinks() {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, fusedQkv,
                qkNorm, true, logitSoftcap, window, latent);
    }

    public AttentionShape withLogitSoftcap(double cap) {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, fusedQkv,
                qkNorm, sinks, cap, window, latent);
    }

    public AttentionShape withWindow(SlidingWindow newWindow) {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, fusedQkv,
                qkNorm, sinks, logitSoftcap, newWindow, latent);
    }

    public AttentionShape withLatent(LatentAttention newLatent) {
        return new AttentionShape(heads, kvHeads, headDim, qkvBias, outputBias, positional, rotaryFraction, fusedQkv,
                qkNorm, sinks, logitSoftcap, window, newLatent);
    }

    public boolean isLatent() {
        return latent != null;
    }

    /** Query heads that share one key/value head. */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Width of all query heads together (the Q projection's output). */
    public long queryWidth() {
        return isLatent() ? heads * latent.queryHeadDim() : (long) heads * headDim;
    }

    /** Width of all key (or value) heads together. */
    public long kvWidth() {
        return (long) kvHeads * headDim;
    }

    /** Width of all heads' attention outputs (the output projection's input). */
    public long contextWidth() {
        return isLatent() ? (long) heads * latent.valueHeadDim() : (long) heads * headDim;
    }

    /** K/V cache elements per token and layer: K and V of every KV head, or MLA's latent and rotary key. */
    public long cachedPerToken() {
        return isLatent() ? latent.cachedPerToken() : 2 * kvWidth();
    }

    /** Elements per head that the rotary embedding rotates (an even number, as HF's rotate_half needs). */
    public long rotaryDim() {
        if (positional != PositionalKind.ROTARY) {
            return 0;
        }
        if (isLatent()) {
            return latent.ropeHeadDim();
        }
        long dim = (long) Math.floor(headDim * rotaryFraction);
        return dim - (dim % 2);
    }
}
