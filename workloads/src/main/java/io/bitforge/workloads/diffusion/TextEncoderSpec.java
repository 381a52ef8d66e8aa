package io.bitforge.workloads.diffusion;

import java.util.Objects;

/**
 * A text encoder a diffusion pipeline runs once per prompt: a CLIP text transformer (pre-LayerNorm, causal
 * self-attention, quick-GELU MLP, learned positions) or a T5 v1.1 encoder (RMSNorm, relative position bias,
 * gated-GELU feed-forward, no biases).
 *
 * @param projectionDim CLIP: output {@code text_projection} of the pooled token (0 = none)
 * @param relativeBuckets T5: relative-position buckets of the bias table in the first layer (0 for CLIP)
 */
public record TextEncoderSpec(String name, Family family, int vocabulary, int tokens, int hiddenSize, int layers,
                              int heads, int headDim, int feedForward, int projectionDim, int relativeBuckets) {

    /** CLIP (learned positions, biases, LayerNorm, quick-GELU) or T5 v1.1 (RMSNorm, gated GELU, no biases). */
    public enum Family { CLIP, T5 }

    public TextEncoderSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        if (vocabulary < 1 || tokens < 1 || hiddenSize < 1 || layers < 1 || heads < 1 || headDim < 1
                || feedForward < 1 || projectionDim < 0 || relativeBuckets < 0) {
            throw new IllegalArgumentException(name + ": text encoder dimensions must be >= 1");
        }
    }

    /** CLIP ViT-L/14 text model (openai/clip-vit-large-patch14 config.json: 12 layers, 768 wide, 12 heads,
     *  MLP 3072, vocabulary 49408, 77 positions); Stable Diffusion 1.x and SDXL's first encoder. */
    public static TextEncoderSpec clipVitL14() {
        return new TextEncoderSpec("clip-vit-l-14", Family.CLIP, 49408, 77, 768, 12, 12, 64, 3072, 0, 0);
    }

    /** OpenCLIP ViT-bigG/14 text model with projection (stable-diffusion-xl-base-1.0
     *  text_encoder_2/config.json: 32 layers, 1280 wide, 20 heads, MLP 5120, projection 1280). */
    public static TextEncoderSpec openClipBigG14() {
        return new TextEncoderSpec("openclip-vit-bigg-14", Family.CLIP, 49408, 77, 1280, 32, 20, 64, 5120, 1280, 0);
    }

    /** OpenCLIP ViT-H/14 text model as Stable Diffusion 2.x ships it (stabilityai/stable-diffusion-2-1
     *  text_encoder/config.json: 23 of its 24 layers kept, 1024 wide, 16 heads, MLP 4096, no projection). */
    public static TextEncoderSpec openClipH14() {
        return new TextEncoderSpec("openclip-vit-h-14", Family.CLIP, 49408, 77, 1024, 23, 16, 64, 4096, 0, 0);
    }

    /** T5 v1.1 XXL encoder (DeepFloyd/t5-v1_1-xxl config.json: d_model 4096, 24 layers, 64 heads of 64,
     *  d_ff 10240 gated-GELU, vocabulary 32128, 32 relative buckets); PixArt-α's encoder with its 120-token
     *  captions (PixArt-alpha/PixArt-alpha, {@code scripts/inference.py}, max_length 120). */
    public static TextEncoderSpec t5V11Xxl() {
        return new TextEncoderSpec("t5-v1.1-xxl", Family.T5, 32128, 120, 4096, 24, 64, 64, 10240, 0, 32);
    }

    /** The same encoder over prompts of {@code newTokens} tokens (pipelines pick their own T5 length). */
    public TextEncoderSpec withTokens(int newTokens) {
        return new TextEncoderSpec(name, family, vocabulary, newTokens, hiddenSize, layers, heads, headDim,
                feedForward, projectionDim, relativeBuckets);
    }

    /** One pass over {@code batch} prompts. */
    public NetworkGraph build(long batch, DiffusionQuant quant) {
        return new TextEncoderGraph(this, new GraphBuilder(quant), batch).build();
    }
}
