package io.bitforge.workloads.diffusion;

import java.util.List;
import java.util.Objects;

/**
 * A diffusers {@code UNet2DConditionModel} (Stable Diffusion 1.x/2.x, SDXL): per resolution level its
 * channels, whether its down and up blocks carry cross-attention transformers, the heads and depth of those
 * transformers; the text context (77 CLIP tokens of width {@code crossAttentionDim}); and SDXL's
 * {@code text_time} added conditioning (pooled text embedding plus six size/crop time ids).
 *
 * @param downCrossAttention    per level: {@code CrossAttnDownBlock2D} (true) or {@code DownBlock2D}
 * @param upCrossAttention      per up block in execution order (deepest level first)
 * @param heads                 attention heads per level (diffusers' {@code attention_head_dim} of SD is
 *                              really the head count; {@code num_attention_heads} wins when given)
 * @param transformerDepth      {@code transformer_layers_per_block} per level (down and mid; up reversed)
 * @param linearProjection      proj_in/proj_out as linears (true) or 1×1 convolutions (same parameters and MACs)
 * @param additionTimeEmbedDim  SDXL: sinusoid width per time id (256); 0 without added conditioning
 * @param additionInputDim      SDXL: {@code projection_class_embeddings_input_dim} (2816 = 1280 pooled + 6×256)
 */
public record UnetSpec(int inChannels, int outChannels, List<Integer> blockOutChannels,
                       List<Boolean> downCrossAttention, List<Boolean> upCrossAttention, int layersPerBlock,
                       List<Integer> heads, List<Integer> transformerDepth, int crossAttentionDim,
                       int contextTokens, boolean linearProjection, int additionTimeEmbedDim,
                       int additionInputDim, int sampleSize, List<TextEncoderSpec> textEncoders)
        implements DenoiserSpec {

    public UnetSpec {
        blockOutChannels = List.copyOf(blockOutChannels);
        downCrossAttention = List.copyOf(downCrossAttention);
        upCrossAttention = List.copyOf(upCrossAttention);
        heads = List.copyOf(heads);
        transformerDepth = List.copyOf(transformerDepth);
        textEncoders = List.copyOf(textEncoders);
        int levels = blockOutChannels.size();
        if (levels < 1 || downCrossAttention.size() != levels || upCrossAttention.size() != levels
                || heads.size() != levels || transformerDepth.size() != levels) {
            throw new IllegalArgumentException("per-level lists must all have " + levels + " entries");
        }
        if (inChannels < 1 || outChannels < 1 || layersPerBlock < 1 || crossAttentionDim < 1 || contextTokens < 1
                || sampleSize < 1 || additionTimeEmbedDim < 0 || additionInputDim < 0) {
            throw new IllegalArgumentException("UNet dimensions must be >= 1");
        }
        for (int level = 0; level < levels; level++) {
            if (blockOutChannels.get(level) < 1 || heads.get(level) < 1 || transformerDepth.get(level) < 0
                    || blockOutChannels.get(level) % heads.get(level) != 0) {
                throw new IllegalArgumentException("level " + level + ": channels must divide into heads");
            }
        }
        Objects.requireNonNull(textEncoders, "textEncoders");
    }

    public int levels() {
        return blockOutChannels.size();
    }

    /** The time-embedding width: 4 × the first level's channels, as diffusers builds it. */
    public int timeEmbedDim() {
        return 4 * blockOutChannels.get(0);
    }

    @Override
    public int latentChannels() {
        return inChannels;
    }

    @Override
    public int nativeLatentSide() {
        return sampleSize;
    }

    @Override
    public int latentMultiple() {
        return 1 << (levels() - 1);
    }

    @Override
    public NetworkGraph build(long batch, long latentSide, DiffusionQuant quant) {
        return new UnetGraph(this, new GraphBuilder(quant), batch).build(latentSide);
    }
}
