package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DiffusionRunTest {
    /** Stand-in costs chosen per phase, so the arithmetic below is by hand. */
    private static DiffusionRun.PhaseCost cost(long cycles, double picojoules) {
        return new DiffusionRun.PhaseCost(cycles, picojoules);
    }

    private static DiffusionRun.PhaseCost byPhase(PhaseGraph phase) {
        OpGraph graph = phase.graph();
        return switch (graph.name()) {
            case "clip-vit-l-14" -> cost(500, 1e6);
            case "unet" -> cost(1_000, 2e6);
            case "vae-decoder" -> cost(3_000, 5e6);
            default -> throw new AssertionError(graph.name());
        };
    }

    @Test
    void stepRequestAndImageFiguresAddUpAsPhasesRunBackToBack() {
        WorkloadSettings settings = new WorkloadSettings("both", 2, 0, 0, 0, "W16A16", 20, 512, true,
                Map.of("textEncoder", "true", "vaeDecoder", "true"));
        List<PhaseGraph> phases = DiffusionZoo.load("sd-1.5").build(settings);
        DiffusionRun run = DiffusionRun.of(phases, DiffusionRunTest::byPhase, 1e9);
        // Request: text 500 + 20 steps × 1,000 + VAE 3,000 = 23,500 cycles = 23.5 µs at 1 GHz for 2 images.
        assertEquals(2, run.images());
        assertEquals(20, run.steps());
        assertEquals(23_500, run.requestCycles());
        assertEquals(1e-6, run.stepSeconds(), 1e-18);
        assertEquals(23.5e-6, run.requestSeconds(), 1e-15);
        assertEquals(11.75e-6, run.secondsPerImage(), 1e-15);
        assertEquals(2 / 23.5e-6, run.imagesPerSecond(), 1e-6);
        // Energy: (1e6 + 20 × 2e6 + 5e6) pJ = 46e6 pJ = 46 µJ for 2 images → 23 µJ each; a step 2 µJ.
        assertEquals(2e-6, run.stepJoules(), 1e-18);
        assertEquals(23e-6, run.joulesPerImage(), 1e-15);
        assertEquals(List.of("images", "steps", "stepCycles", "stepSeconds", "stepJoules", "oneOffCycles",
                "requestCycles", "requestSeconds", "secondsPerImage", "imagesPerSecond", "joulesPerImage"),
                List.copyOf(run.summary().keySet()));
    }
}
