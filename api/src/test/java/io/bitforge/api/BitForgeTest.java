package io.bitforge.api;

import io.bitforge.core.io.BadRequestException;
import io.bitforge.simulation.DiffusionReport;
import io.bitforge.simulation.SimulationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade: dispatch by workload kind, and errors that name the request field, never a flag. */
class BitForgeTest {
    private static final BitForge BITFORGE = BitForge.create();

    private static SimulateRequest.Builder small(String workload) {
        return SimulateRequest.builder().hardware("tpu-like-int8").workload(workload);
    }

    private static void assertField(String field, String detailStart, Executable call) {
        BadRequestException e = assertThrows(BadRequestException.class, call);
        assertEquals(field, e.field());
        assertEquals(field + ": " + e.detail(), e.getMessage());
        assertFalse(e.getMessage().contains("--"), e.getMessage());
        assertEquals(detailStart, e.detail().substring(0, Math.min(detailStart.length(), e.detail().length())));
    }

    @Test
    void anyWorkloadRunsThroughOneCallAndComesBackAsItsKindsReport() {
        assertInstanceOf(SimulationReport.class, BITFORGE.simulateWorkload(small("llama-2-7b").phase("decode")
                .context(16).generate(1).build()));
        assertInstanceOf(DiffusionReport.class, BITFORGE.simulateWorkload(small("dit-xl-2").steps(1)
                .resolution(256).build()));
    }

    @Test
    void errorsNameTheRequestField() {
        assertField("batch", "must be >= 1, got 0", () -> BITFORGE.simulate(small("llama-2-7b").batch(0).build()));
        assertField("phase", "must be prefill, decode or both", () -> BITFORGE.simulate(small("llama-2-7b")
                .phase("warmup").build()));
        assertField("hardware", "'no-such-design' is neither a spec file nor a preset", () -> BITFORGE.simulate(
                SimulateRequest.builder().hardware("no-such-design").workload("llama-2-7b").build()));
        assertField("workload", "must be an LLM", () -> BITFORGE.simulate(small("sd-1.5").build()));
        assertField("workload", "must be a diffusion model", () -> BITFORGE.simulateDiffusion(
                small("llama-2-7b").build()));
        assertField("steps", "only applies to diffusion workloads", () -> BITFORGE.simulate(small("llama-2-7b")
                .steps(10).build()));
        assertField("quant", "'W9A8'", () -> BITFORGE.simulate(small("llama-2-7b").quant("W9A8").build()));
        assertField("resolution", "sd-1.5 needs a multiple of 64 pixels", () -> BITFORGE.simulateDiffusion(small("sd-1.5").resolution(500)
                .build()));
        assertField("m", "must be > 0, got 0", () -> BITFORGE.gemm(GemmRequest.builder().hardware("tpu-like-int8")
                .shape(0, 1, 1).build()));
        assertField("paper", "must be one of [ant, bitmod, mixpe, bitfusion",
                () -> BITFORGE.reproduce(ReproduceRequest.of("nope")));
        assertField("device/hardware", "give one of them, got both", () -> BITFORGE.roofline(RooflineRequest
                .builder().device("a100-40gb").hardware("tpu-like-int8").workload("llama-2-7b").build()));
    }

    @Test
    void deprecationNotesGoToTheNoteSink(@TempDir Path dir) throws Exception {
        List<String> notes = new ArrayList<>();
        BitForge noted = BITFORGE.withNotes(notes::add);
        noted.hardware(HardwareChoice.named("tpu-like-int8"));
        assertEquals(List.of(), notes);
        Path pinned = dir.resolve("pinned.yaml");
        Files.writeString(pinned, BITFORGE.registry().hardware("tpu-like-int8").orElseThrow().yaml()
                .replace("\nmapping: {}", "\nmapping: {tileM: 16}"));
        assertEquals(16, noted.hardware(HardwareChoice.named(pinned.toString())).mapping().tileM().orElseThrow());
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith(pinned + ": hardware.mapping: tile sizes and loop order"), notes.get(0));
    }
}
