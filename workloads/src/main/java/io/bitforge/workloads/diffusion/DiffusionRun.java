package io.bitforge.workloads.diffusion;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The figures a diffusion user asks for, from the cost of one run of each phase: per denoising step, per
 * request (text encoders once, {@code steps} denoising steps, VAE decoder once; the batch's images come out
 * together), per image, images per second and energy. Phases run back to back, as the engine adds ops.
 *
 * @param images      images per request (the batch; guidance doubles the denoiser's batch, not this)
 * @param steps       denoising steps
 * @param step        cost of one denoising step
 * @param oneOffs     text encoders and VAE decoder together (zero when not asked for)
 * @param clockHertz  the accelerator's clock
 */
public record DiffusionRun(long images, long steps, CostReport step, CostReport oneOffs, double clockHertz) {
    public DiffusionRun {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(oneOffs, "oneOffs");
        if (images < 1 || steps < 1 || !(clockHertz > 0)) {
            throw new IllegalArgumentException("images and steps must be >= 1 and the clock > 0");
        }
    }

    /** Costs each phase's graph once with {@code evaluate} (e.g. {@code engine::evaluate}). */
    public static DiffusionRun of(List<PhaseGraph> phases, Function<OpGraph, CostReport> evaluate,
                                  double clockHertz) {
        PhaseGraph denoise = null;
        CostReport step = CostReport.ZERO;
        CostReport oneOffs = CostReport.ZERO;
        for (PhaseGraph phase : phases) {
            CostReport once = evaluate.apply(phase.graph());
            if (phase.kind() != PhaseKind.DENOISE_STEP) {
                oneOffs = oneOffs.plus(once.times(phase.repeats()));
            } else if (denoise == null) {
                denoise = phase;
                step = once;
            } else {
                throw new IllegalArgumentException("more than one denoising phase");
            }
        }
        if (denoise == null) {
            throw new IllegalArgumentException("no denoising phase among " + phases.size() + " phases");
        }
        return new DiffusionRun(denoise.outputItems(), denoise.repeats(), step, oneOffs, clockHertz);
    }

    /** The whole request: one-offs plus every step. */
    public CostReport request() {
        return oneOffs.plus(step.times(steps));
    }

    public double stepSeconds() {
        return step.totalCycles() / clockHertz;
    }

    /** From prompt to the batch's images. */
    public double requestSeconds() {
        return request().totalCycles() / clockHertz;
    }

    /** Request latency shared over the batch. */
    public double secondsPerImage() {
        return requestSeconds() / images;
    }

    public double imagesPerSecond() {
        return images / requestSeconds();
    }

    public double stepJoules() {
        return step.totalPicojoules() * 1e-12;
    }

    public double joulesPerImage() {
        return request().totalPicojoules() * 1e-12 / images;
    }

    /** The figures in a stable order, for tables and JSON. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", images);
        out.put("steps", steps);
        out.put("stepCycles", step.totalCycles());
        out.put("stepSeconds", stepSeconds());
        out.put("stepJoules", stepJoules());
        out.put("oneOffCycles", oneOffs.totalCycles());
        out.put("requestCycles", request().totalCycles());
        out.put("requestSeconds", requestSeconds());
        out.put("secondsPerImage", secondsPerImage());
        out.put("imagesPerSecond", imagesPerSecond());
        out.put("joulesPerImage", joulesPerImage());
        return out;
    }
}
