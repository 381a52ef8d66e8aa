package io.bitforge.workloads.llm;

/**
 * Multi-head latent attention (DeepSeek-V2, DeepSeek-AI 2024, Sec. 2.1): keys and values are compressed into one
 * latent vector of {@code kvLoraRank} per token, cached together with one decoupled rotary key of
 * {@code ropeHeadDim} shared by all heads; queries are optionally compressed through {@code qLoraRank}. Each
 * head's query and key are a non-rotated part ({@code nopeHeadDim}) and a rotated part ({@code ropeHeadDim});
 * values have {@code valueHeadDim}. Field names follow HF {@code DeepseekV2Config}.
 *
 * @param qLoraRank    rank of the query compression; 0 = queries projected directly (DeepSeek-V2-Lite)
 */
public record LatentAttention(int qLoraRank, int kvLoraRank, int nopeHeadDim, int ropeHeadDim, int valueHeadDim) {

    /** Width of one head's query/key: the non-rotated and the rotated part. */
    public long queryHeadDim() {
        return (long) nopeHeadDim + ropeHeadDim;
    }

    /** Cached elements per token and layer: the latent and the shared rotary key (512 + 64 = 576 in V2). */
    public long cachedPerToken() {
        return (long) kvLoraRank + ropeHeadDim;
    }
}
