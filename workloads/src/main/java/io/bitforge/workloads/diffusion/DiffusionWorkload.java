package io.bitforge.workloads.diffusion;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.io.BadRequestException;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A text-to-image (or class-to-image) diffusion pipeline: its denoiser run once per denoising step on the
 * latent of {@code resolution / 8} per side, with classifier-free guidance doubling the denoiser batch
 * (conditional and unconditional branches, recombined by a {@code guidance.combine} vector op), and optional one-off graphs for the text encoder(s)
 * (option {@code textEncoder=true}) and the VAE decoder ({@code vaeDecoder=true}).
 *
 * <p>Phases, in execution order: {@code text-encoder.<name>} (ONE_OFF, one per encoder, batch × 2 with
 * guidance: the negative prompt is encoded too), {@code denoise} (DENOISE_STEP, repeats = steps,
 * output items = images), {@code vae-decoder} (ONE_OFF, batch latents, output items = images).
 */
public final class DiffusionWorkload implements WorkloadFactory {
    public static final String TEXT_ENCODER_OPTION = "textEncoder";
    public static final String VAE_DECODER_OPTION = "vaeDecoder";

    private final String id;
    private final String description;
    private final String source;
    private final DenoiserSpec denoiser;
    private final VaeDecoderSpec vae;
    private final long parameterCount;

    public DiffusionWorkload(String id, String description, String source, DenoiserSpec denoiser,
                             VaeDecoderSpec vae) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.source = Objects.requireNonNull(source, "source");
        this.denoiser = Objects.requireNonNull(denoiser, "denoiser");
        this.vae = Objects.requireNonNull(vae, "vae");
        // Counted from the structure the graph builder declares, at the checkpoint's native latent size.
        this.parameterCount = denoiser.build(1, denoiser.nativeLatentSide(), DiffusionQuant.fp16()).parameters();
    }

    /** A workload from a diffusers {@code unet/config.json} or {@code transformer/config.json} on disk. */
    public static DiffusionWorkload fromConfig(Path file) {
        DenoiserSpec spec = DiffusersConfigLoader.load(file);
        String name = DiffusersConfigLoader.name(file);
        return new DiffusionWorkload(name, "diffusion denoiser from " + file, file.toString(), spec,
                VaeDecoderSpec.forLatent(spec.latentChannels()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String kind() {
        return "diffusion";
    }

    @Override
    public long parameterCount() {
        return parameterCount;
    }

    public DenoiserSpec denoiser() {
        return denoiser;
    }

    public VaeDecoderSpec vae() {
        return vae;
    }

    /** {@code unet}, {@code dit}, {@code pixart}, {@code sd3} or {@code flux}. */
    public String architecture() {
        if (denoiser instanceof MmditSpec m) {
            return m.variant() == MmditSpec.Variant.FLUX ? "flux" : "sd3";
        }
        if (denoiser instanceof TransformerSpec t) {
            return t.conditioning() == TransformerSpec.Conditioning.ADALN_ZERO ? "dit" : "pixart";
        }
        return "unet";
    }

    /** Pixels per side the checkpoint was trained at. */
    public int nativeResolution() {
        return denoiser.nativeLatentSide() * vae.scaleFactor();
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind());
        facts.put("parameters", parameterCount);
        facts.put("architecture", architecture());
        facts.put("nativeResolution", nativeResolution());
        facts.put("textEncoders", denoiser.textEncoders().stream().map(TextEncoderSpec::name).toList());
        return facts;
    }

    @Override
    public List<PhaseGraph> build(WorkloadSettings settings) {
        int multiple = vae.scaleFactor() * denoiser.latentMultiple();
        if (settings.resolution() < multiple || settings.resolution() % multiple != 0) {
            throw BadRequestException.of("resolution", settings.resolution(), id + " needs a multiple of "
                    + multiple + " pixels (latent = pixels / " + vae.scaleFactor() + ", divisible by "
                    + denoiser.latentMultiple() + ")");
        }
        if (settings.steps() < 1) {
            throw BadRequestException.of("steps", settings.steps(), "must be >= 1");
        }
        if (settings.batch() < 1) {
            throw BadRequestException.of("batch", settings.batch(), "must be >= 1");
        }
        DiffusionQuant quant = DiffusionQuant.parse(settings.quant(), settings.options());
        boolean textEncoder = flag(settings, TEXT_ENCODER_OPTION);
        boolean vaeDecoder = flag(settings, VAE_DECODER_OPTION);
        if (textEncoder && denoiser.textEncoders().isEmpty()) {
            throw BadInputException.field(null, "option " + TEXT_ENCODER_OPTION, "true", id
                    + " has no text encoder (class-conditional, or an unknown cross_attention_dim); use false");
        }
        long images = settings.batch();
        long denoiserBatch = settings.guidance() ? 2 * images : images;
        long latentSide = settings.resolution() / vae.scaleFactor();
        List<PhaseGraph> phases = new ArrayList<>();
        if (textEncoder) {
            for (TextEncoderSpec encoder : denoiser.textEncoders()) {
                phases.add(new PhaseGraph("text-encoder." + encoder.name(), PhaseKind.ONE_OFF,
                        encoder.build(denoiserBatch, quant).graph(), 1, 0));
            }
        }
        OpGraph step = denoiser.build(denoiserBatch, latentSide, quant).graph();
        if (settings.guidance()) {
            // noise = uncond + scale · (cond − uncond) on the latent: 3 ops per element, two inputs.
            List<Op> ops = new ArrayList<>(step.ops());
            ops.add(new VectorOp("guidance.combine", OpKind.ELEMENTWISE, images * denoiser.latentChannels()
                    * latentSide * latentSide, 3, 2, 0, 1, GraphBuilder.VECTOR));
            step = new OpGraph(step.name(), ops);
        }
        phases.add(new PhaseGraph("denoise", PhaseKind.DENOISE_STEP, step, settings.steps(), images));
        if (vaeDecoder) {
            phases.add(new PhaseGraph("vae-decoder", PhaseKind.ONE_OFF, vae.build(images, latentSide, quant).graph(),
                    1, images));
        }
        return List.copyOf(phases);
    }

    private static boolean flag(WorkloadSettings settings, String option) {
        String value = settings.option(option, "false");
        if (!value.equals("true") && !value.equals("false")) {
            throw BadInputException.field(null, "option " + option, "'" + value + "'", "must be true or false");
        }
        return value.equals("true");
    }

    @Override
    public String toString() {
        return id;
    }
}
