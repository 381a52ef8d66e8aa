package io.bitforge.workloads.diffusion;

import java.util.List;
import java.util.Objects;

/**
 * A multimodal diffusion transformer, where image and text tokens attend jointly: Stable Diffusion 3's MMDiT
 * (Esser et al., ICML 2024, Sec. 4 and Fig. 2: per-stream weights, joint attention, adaLN-Zero from the timestep
 * and pooled text; diffusers {@code SD3Transformer2DModel}) and FLUX.1 (Black Forest Labs; diffusers
 * {@code FluxTransformer2DModel}: {@code doubleBlocks} MMDiT blocks with QK RMSNorm and rotary positions, then
 * {@code singleBlocks} parallel single-stream blocks over the concatenated tokens, plus a guidance embedding in
 * the distilled models).
 *
 * @param variant              SD3 or FLUX
 * @param latentChannels       channels of the VAE latent (16 for both)
 * @param inChannels           the transformer's input features per token (SD3: latent channels into a p×p conv;
 *                             FLUX: 2×2 packed latent, 64)
 * @param outChannels          output features per patch position
 * @param patchSize            SD3's patch conv size; FLUX packs 2×2 latent pixels per token and has patch 1
 * @param heads                attention heads; the width is heads × headDim
 * @param doubleBlocks         joint (two-stream) blocks
 * @param singleBlocks         single-stream blocks (FLUX; 0 for SD3)
 * @param jointAttentionDim    width of the text-encoder tokens (T5-XXL, 4096)
 * @param pooledProjectionDim  width of the pooled text vector (SD3: CLIP-L + bigG 2048; FLUX: CLIP-L 768)
 * @param guidanceEmbeds       FLUX.1-dev's guidance embedder (the guidance scale as a second timestep)
 * @param qkNorm               RMSNorm on every query and key head (FLUX; SD3.5)
 * @param textTokens           text tokens in the joint sequence (SD3: 77 CLIP + 256 T5; FLUX.1-dev: 512 T5)
 * @param sampleSize           latent side the model was trained at
 */
public record MmditSpec(Variant variant, int latentChannels, int inChannels, int outChannels, int patchSize,
                        int heads, int headDim, int doubleBlocks, int singleBlocks, int jointAttentionDim,
                        int pooledProjectionDim, boolean guidanceEmbeds, boolean qkNorm, int textTokens,
                        int sampleSize, List<TextEncoderSpec> textEncoders) implements DenoiserSpec {

    public enum Variant { SD3, FLUX }

    public MmditSpec {
        Objects.requireNonNull(variant, "variant");
        textEncoders = List.copyOf(textEncoders);
        if (latentChannels < 1 || inChannels < 1 || outChannels < 1 || patchSize < 1 || heads < 1 || headDim < 1
                || doubleBlocks < 0 || singleBlocks < 0 || doubleBlocks + singleBlocks < 1 || jointAttentionDim < 1
                || pooledProjectionDim < 1 || textTokens < 1 || sampleSize < 1) {
            throw new IllegalArgumentException("MMDiT dimensions must be >= 1");
        }
    }

    public int hiddenSize() {
        return Math.multiplyExact(heads, headDim);
    }

    /** Latent pixels per token side: SD3's patch, FLUX's 2×2 packing times its patch. */
    public int tokenSide() {
        return variant == Variant.FLUX ? 2 * patchSize : patchSize;
    }

    @Override
    public int nativeLatentSide() {
        return sampleSize;
    }

    @Override
    public int latentMultiple() {
        return tokenSide();
    }

    @Override
    public NetworkGraph build(long batch, long latentSide, DiffusionQuant quant) {
        return new MmditGraph(this, new GraphBuilder(quant), batch).build(latentSide);
    }
}
