package io.bitforge.cli.simulate;

import io.bitforge.api.SimulateRequest;
import picocli.CommandLine.Option;

/** The {@code simulate} options that only diffusion workloads read (a picocli mixin). */
public final class DiffusionOptions {
    @Option(names = "--steps", paramLabel = "S", description = "Diffusion: denoising steps (default: 50).")
    Integer steps;

    @Option(names = "--resolution", paramLabel = "PIXELS",
            description = "Diffusion: image side in pixels, latent = pixels / 8 (default: the model's native size).")
    Integer resolution;

    @Option(names = "--no-guidance", description = "Diffusion: no classifier-free guidance (denoiser batch not doubled).")
    boolean noGuidance;

    @Option(names = "--text-encoder", description = "Diffusion: add the text encoder(s), once per request.")
    boolean textEncoder;

    @Option(names = "--vae-decoder", description = "Diffusion: add the VAE decoder, once per request.")
    boolean vaeDecoder;

    @Option(names = "--svdquant-rank", paramLabel = "R", arity = "0..1", fallbackValue = "32",
            description = "Diffusion: SVDQuant's 16-bit low-rank branch beside every 4-bit GEMM, rank R (32 if "
                    + "no value).")
    Integer svdquantRank;

    /** Sets the request's diffusion fields; the library rejects them for an LLM, naming the field. */
    public void applyTo(SimulateRequest.Builder request) {
        request.steps(steps).resolution(resolution).guidance(!noGuidance).textEncoder(textEncoder)
                .vaeDecoder(vaeDecoder).svdquantRank(svdquantRank);
    }
}
