package io.bitforge.cli.simulate;

import io.bitforge.core.io.BadInputException;
import io.bitforge.workloads.diffusion.DiffusionQuant;
import io.bitforge.workloads.diffusion.DiffusionWorkload;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Steps to run: the option or 50. */
    public int steps() {
        return steps == null ? 50 : steps;
    }

    /** Pixels per side: the option or the model's native resolution. */
    public int resolution(DiffusionWorkload workload) {
        return resolution == null ? workload.nativeResolution() : resolution;
    }

    public boolean guidance() {
        return !noGuidance;
    }

    /** The workload options these flags set. */
    public Map<String, String> workloadOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DiffusionWorkload.TEXT_ENCODER_OPTION, Boolean.toString(textEncoder));
        options.put(DiffusionWorkload.VAE_DECODER_OPTION, Boolean.toString(vaeDecoder));
        if (svdquantRank != null) {
            options.put(DiffusionQuant.SVDQUANT_OPTION, "true");
            options.put(DiffusionQuant.SVDQUANT_RANK_OPTION, Integer.toString(svdquantRank));
        }
        return options;
    }

    /** LLMs read none of these: say so rather than ignore them. */
    public void rejectForLlm(String workloadId) {
        if (steps != null || resolution != null || noGuidance || textEncoder || vaeDecoder || svdquantRank != null) {
            throw BadInputException.field(null, "--steps/--resolution/--no-guidance/--text-encoder/--vae-decoder/"
                    + "--svdquant-rank", workloadId, "only apply to diffusion workloads (sd-1.5, sdxl, dit-xl-2, "
                    + "pixart-alpha or a diffusers config)");
        }
    }
}
