package io.bitforge.simulation;

import io.bitforge.simulation.timing.DramLatency;
import io.bitforge.simulation.timing.RowBufferDram;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.engine.Mapping;
import io.bitforge.core.pe.NativePrecisions;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.simulation.cost.DramFigures;
import io.bitforge.simulation.residency.ResidencyPlanner;
import io.bitforge.simulation.residency.WeightResidency;
import io.bitforge.workloads.diffusion.DiffusionQuant;
import io.bitforge.workloads.diffusion.DiffusionWorkload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One diffusion simulation: every phase (denoising step, text encoder, VAE decoder) through the same
 * {@link Simulator} and engine as an LLM's; without a quantisation config every layer kind runs at the array's
 * native formats. A family whose weights stay in its array keeps the model's weights resident as for an LLM
 * ({@link ResidencyPlanner}): a model that does not fit is refused, or run with reprogramming when the spec asks.
 */
public final class DiffusionSimulation {
    /** Denoising steps when none are asked for (the diffusers pipelines' default). */
    public static final int DEFAULT_STEPS = 50;

    private DiffusionSimulation() {
    }

    /**
     * @param settings batch, steps, resolution in pixels, guidance and workload options;
     *                 its {@code quant} is replaced by the config actually used
     * @param quant    a diffusion quantisation config, or null for the array's native formats
     */
    public static DiffusionReport run(Registry registry, HardwareSpec spec, DiffusionWorkload model,
                                      WorkloadSettings settings, String quant) {
        return run(registry, spec, null, model, settings, quant);
    }

    /** @param mapping the mapping stage given beside the spec, or null for the spec's own */
    public static DiffusionReport run(Registry registry, HardwareSpec spec, Mapping mapping, DiffusionWorkload model,
                                      WorkloadSettings settings, String quant) {
        Engine engine = SimulationRun.engine(registry, spec, mapping);
        DramFigures dram = DramFigures.of(spec, registry);
        NativePrecisions natives = engine.family().nativePrecisions(spec.pe().params());
        String quantText = quant != null ? quant : DiffusionQuant.uniformText(natives.weights(), natives.activations());
        WorkloadSettings used = new WorkloadSettings("both", settings.batch(), 0, 0, 0, quantText, settings.steps(),
                settings.resolution(), settings.guidance(), settings.options());
        WeightResidency residency = ResidencyPlanner.plan(engine, spec, model, used, model.build(used));
        return DiffusionReport.simulate(new Simulator(engine, dram, DramLatency.cycles(spec, registry), residency,
                RowBufferDram.of(spec, registry).orElse(null)),
                SimulationRun.shown(spec, mapping), dram, model, used, residency);
    }

    /** The workload options for the optional parts: text encoder(s), VAE decoder, SVDQuant's low-rank branch. */
    public static Map<String, String> options(boolean textEncoder, boolean vaeDecoder, Integer svdquantRank) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DiffusionWorkload.TEXT_ENCODER_OPTION, Boolean.toString(textEncoder));
        options.put(DiffusionWorkload.VAE_DECODER_OPTION, Boolean.toString(vaeDecoder));
        if (svdquantRank != null) {
            options.put(DiffusionQuant.SVDQUANT_OPTION, "true");
            options.put(DiffusionQuant.SVDQUANT_RANK_OPTION, Integer.toString(svdquantRank));
        }
        return options;
    }
}
