package io.bitforge.workloads.diffusion;

import java.util.List;

/**
 * The architecture of a diffusion denoiser, as a diffusers {@code config.json} (or DiT's {@code models.py})
 * defines it: enough to build the op graph of one denoising step at any latent size.
 */
public sealed interface DenoiserSpec permits UnetSpec, TransformerSpec, MmditSpec {
    /** Channels of the VAE latent the denoiser reads. */
    int latentChannels();

    /** Latent side length the checkpoint was trained at ({@code sample_size}); parameter counts use it. */
    int nativeLatentSide();

    /** The latent side must be a multiple of this (2^downsamplings for a UNet, the patch size for a DiT). */
    int latentMultiple();

    /** The text encoders of the pipeline, in the order they run; empty for class-conditional models. */
    List<TextEncoderSpec> textEncoders();

    /** One forward pass of {@code batch} latents of side {@code latentSide}. */
    NetworkGraph build(long batch, long latentSide, DiffusionQuant quant);
}
