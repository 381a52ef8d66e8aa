package io.bitforge.workloads.llm;

/**
 * How prefill attention is counted. {@code FULL} computes the whole prompt × prompt rectangle of scores and
 * context products (what a non-fused kernel does, and LLM-Viewer's convention). {@code CAUSAL} skips the
 * masked upper triangle in blocks of rows, computing the diagonal blocks in full, as tiled causal kernels do
 * (FlashAttention-2, Dao 2023, Sec. 3.1: blocks entirely above the diagonal are skipped, the diagonal block is
 * computed and masked).
 */
public enum AttentionCounting {
    FULL, CAUSAL
}
