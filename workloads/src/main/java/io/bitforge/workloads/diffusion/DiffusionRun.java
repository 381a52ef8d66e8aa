package io.bitforge.workloads.diffusion;

import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The figures a diffusion user asks for, from the cycles and energy of one run of each phase: per denoising
 * step, per request (text encoders once, {@code steps} denoising steps, VAE decoder once; the batch's images
 * come out together), per image, images per second and energy. Phases run back to back.
 *
 * @param images           images per request (the batch; guidance doubles the denoiser's batch, not this)
 * @param steps            denoising steps
 * @param stepCycles       cycles of one denoising step
 * @param stepPicojoules   energy of one denoising step
 * @param oneOffCycles     text encoders and VAE decoder together (0 when not asked for)
 * @param oneOffPicojoules their energy
 * @param clockHertz       the accelerator's clock
 */
public record DiffusionRun(long images, long steps, long stepCycles, double stepPicojoules, long oneOffCycles,
                           double oneOffPicojoules, double clockHertz) {

    /** What one run of a phase costs. */
    public record PhaseCost(long cycles, double picojoules) {
    }

    public DiffusionRun {
        if (images < 1 || steps < 1 || stepCycles < 0 || oneOffCycles < 0 || !(clockHertz > 0)) {
            throw new IllegalArgumentException("images and steps must be >= 1, cycles >= 0 and the clock > 0");
        }
    }

    /** Adds up {@code phases}, each costed once by {@code cost}; repeats multiply. */
    public static DiffusionRun of(List<PhaseGraph> phases, Function<PhaseGraph, PhaseCost> cost, double clockHertz) {
        PhaseGraph denoise = null;
        PhaseCost step = null;
        long oneOffCycles = 0;
        double oneOffPicojoules = 0;
        for (PhaseGraph phase : phases) {
            PhaseCost once = cost.apply(phase);
            if (phase.kind() != PhaseKind.DENOISE_STEP) {
                oneOffCycles = Math.addExact(oneOffCycles, Math.multiplyExact(once.cycles(), phase.repeats()));
                oneOffPicojoules += once.picojoules() * phase.repeats();
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
        return new DiffusionRun(denoise.outputItems(), denoise.repeats(), step.cycles(), step.picojoules(),
                oneOffCycles, oneOffPicojoules, clockHertz);
    }

    /** The whole request: one-offs plus every step. */
    public long requestCycles() {
        return Math.addExact(oneOffCycles, Math.multiplyExact(stepCycles, steps));
    }

    public double stepSeconds() {
        return stepCycles / clockHertz;
    }

    /** From prompt to the batch's images. */
    public double requestSeconds() {
        return requestCycles() / clockHertz;
    }

    /** Request latency shared over the batch. */
    public double secondsPerImage() {
        return requestSeconds() / images;
    }

    public double imagesPerSecond() {
        return images / requestSeconds();
    }

    public double stepJoules() {
        return stepPicojoules * 1e-12;
    }

    public double joulesPerImage() {
        return (oneOffPicojoules + stepPicojoules * steps) * 1e-12 / images;
    }

    /** The figures in a stable order, for tables and JSON. */
    public Map<String, Object> summary() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("images", images);
        out.put("steps", steps);
        out.put("stepCycles", stepCycles);
        out.put("stepSeconds", stepSeconds());
        out.put("stepJoules", stepJoules());
        out.put("oneOffCycles", oneOffCycles);
        out.put("requestCycles", requestCycles());
        out.put("requestSeconds", requestSeconds());
        out.put("secondsPerImage", secondsPerImage());
        out.put("imagesPerSecond", imagesPerSecond());
        out.put("joulesPerImage", joulesPerImage());
        return out;
    }
}
