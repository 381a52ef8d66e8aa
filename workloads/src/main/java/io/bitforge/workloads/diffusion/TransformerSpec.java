package io.bitforge.workloads.diffusion;

import java.util.List;
import java.util.Objects;

/**
 * A diffusion transformer on latent patches: DiT (class-conditional, adaLN-Zero: every block regresses its
 * own six shift/scale/gate vectors from the condition; Peebles &amp; Xie, ICCV 2023, facebookresearch/DiT
 * {@code models.py}) or PixArt-α (text-conditional through cross-attention to T5 tokens, adaLN-single: one
 * shared Linear(D, 6D) of the timestep plus a learned per-block table; Chen et al., ICLR 2024, diffusers
 * {@code PixArtTransformer2DModel}).
 *
 * @param conditioning       {@link Conditioning#ADALN_ZERO} (DiT) or {@link Conditioning#ADALN_SINGLE} (PixArt)
 * @param numClasses         DiT: class labels (the table has one more row, the null class for guidance)
 * @param learnedPositions   DiT keeps its fixed sin-cos position table as an {@code nn.Parameter}, so it
 *                           counts as a parameter at the native size; diffusers' PixArt keeps it a buffer
 * @param captionChannels    PixArt: width of the T5 tokens (4096)
 * @param textTokens         PixArt: caption length (T5 max length 120)
 * @param sizeConditioning   PixArt 1024-MS: resolution and aspect-ratio micro-conditions (diffusers enables
 *                           them when {@code sample_size} is 128)
 */
public record TransformerSpec(Conditioning conditioning, int inChannels, int outChannels, int patchSize,
                              int hiddenSize, int depth, int heads, double mlpRatio, int numClasses,
                              boolean learnedPositions, int captionChannels, int textTokens,
                              boolean sizeConditioning, int sampleSize, List<TextEncoderSpec> textEncoders)
        implements DenoiserSpec {

    /** How the timestep (and class) condition modulates the blocks. */
    public enum Conditioning { ADALN_ZERO, ADALN_SINGLE }

    /** Width of the sinusoidal timestep features (DiT {@code TimestepEmbedder.frequency_embedding_size}). */
    public static final int FREQUENCY_EMBEDDING = 256;

    public TransformerSpec {
        Objects.requireNonNull(conditioning, "conditioning");
        textEncoders = List.copyOf(textEncoders);
        if (inChannels < 1 || outChannels < 1 || patchSize < 1 || hiddenSize < 1 || depth < 1 || heads < 1
                || sampleSize < 1 || mlpRatio <= 0 || hiddenSize % heads != 0) {
            throw new IllegalArgumentException("transformer dimensions must be >= 1 and hidden divisible by heads");
        }
        if (conditioning == Conditioning.ADALN_ZERO && numClasses < 1) {
            throw new IllegalArgumentException("an adaLN-Zero (DiT) model needs numClasses >= 1");
        }
        if (conditioning == Conditioning.ADALN_SINGLE && (captionChannels < 1 || textTokens < 1)) {
            throw new IllegalArgumentException("an adaLN-single (PixArt) model needs caption channels and tokens");
        }
        if (sampleSize % patchSize != 0) {
            throw new IllegalArgumentException("sample size " + sampleSize + " is not a multiple of patch " + patchSize);
        }
    }

    public int mlpHidden() {
        return (int) Math.round(hiddenSize * mlpRatio);
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
        return patchSize;
    }

    @Override
    public NetworkGraph build(long batch, long latentSide, DiffusionQuant quant) {
        return new TransformerGraph(this, new GraphBuilder(quant), batch).build(latentSide);
    }
}
