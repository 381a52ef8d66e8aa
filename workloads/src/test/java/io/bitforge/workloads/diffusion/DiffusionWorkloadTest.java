package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.bitforge.workloads.diffusion.DiffusionQuantTest.assertBad;
import static io.bitforge.workloads.diffusion.DiffusionQuantTest.gemm;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DiffusionWorkloadTest {
    private static WorkloadSettings settings(int batch, int steps, int resolution, boolean guidance,
                                             Map<String, String> options) {
        return new WorkloadSettings("both", batch, 0, 0, 0, "W16A16", steps, resolution, guidance, options);
    }

    @Test
    void byDefaultOnlyTheDenoisingStepRunsStepsTimes() {
        List<PhaseGraph> phases = DiffusionZoo.load("sd-1.5").build(settings(3, 25, 512, true, Map.of()));
        assertEquals(1, phases.size());
        PhaseGraph denoise = phases.get(0);
        assertEquals(PhaseKind.DENOISE_STEP, denoise.kind());
        assertEquals(25, denoise.repeats());
        assertEquals(3, denoise.outputItems());
        // latent = 512 / 8 = 64 per side, guidance doubles 3 images to 6: conv_in M = 6 · 64 · 64.
        assertEquals(6L * 64 * 64, gemm(denoise.graph(), "conv_in").m());
    }

    @Test
    void optionsAddTextEncodersAndTheVaeDecoderAsOneOffs() {
        List<PhaseGraph> phases = DiffusionZoo.load("sdxl").build(settings(1, 30, 1024, true,
                Map.of("textEncoder", "true", "vaeDecoder", "true")));
        assertEquals(List.of("text-encoder.clip-vit-l-14", "text-encoder.openclip-vit-bigg-14", "denoise",
                "vae-decoder"), phases.stream().map(PhaseGraph::name).toList());
        assertEquals(PhaseKind.ONE_OFF, phases.get(0).kind());
        assertEquals(1, phases.get(3).repeats());
        // Prompt and negative prompt: 2 × 77 rows into CLIP-L's first projection.
        assertEquals(2L * 77, gemm(phases.get(0).graph(), "clip-vit-l-14.layers.0.self_attn.q_proj").m());
        // The VAE decodes the one image's 128×128 latent to 1024×1024 pixels.
        assertEquals(1024L * 1024, gemm(phases.get(3).graph(), "decoder.conv_out").m());
    }

    @Test
    void conditioningShapesFollowEachModel() {
        OpGraph sd = DiffusionZoo.load("sd-1.5").build(settings(1, 1, 512, false, Map.of())).get(0).graph();
        var sdKey = gemm(sd, "down_blocks.0.attentions.0.transformer_blocks.0.attn2.to_k");
        assertEquals(List.of(77L, 768L, 320L), List.of(sdKey.m(), sdKey.k(), sdKey.n()));
        OpGraph xl = DiffusionZoo.load("sdxl").build(settings(1, 1, 1024, false, Map.of())).get(0).graph();
        assertEquals(2816, gemm(xl, "add_embedding.linear_1").k());
        assertEquals(2048, gemm(xl, "down_blocks.1.attentions.0.transformer_blocks.0.attn2.to_k").k());
        // SDXL's deepest level holds 10 transformer blocks per attention.
        assertEquals(2048, gemm(xl, "down_blocks.2.attentions.1.transformer_blocks.9.attn2.to_k").k());
        OpGraph pixart = DiffusionZoo.load("pixart-alpha").build(settings(1, 1, 1024, false, Map.of())).get(0)
                .graph();
        var scores = gemm(pixart, "transformer_blocks.0.attn2.scores");
        // 64×64 patches = 4096 image tokens attend to 120 T5 tokens, 16 heads of 72.
        assertEquals(List.of(4096L, 72L, 120L, 16L), List.of(scores.m(), scores.k(), scores.n(), scores.count()));
        assertEquals(4096, gemm(pixart, "caption_projection.linear_1").k());
    }

    @Test
    void badSettingsNameTheRequestField() {
        DiffusionWorkload sd = DiffusionZoo.load("sd-1.5");
        assertBad(() -> sd.build(settings(1, 10, 500, true, Map.of())), "resolution: ", "500", "64");
        assertBad(() -> DiffusionZoo.load("dit-xl-2").build(settings(1, 10, 264, true, Map.of())),
                "resolution: ", "264", "16");
        assertBad(() -> sd.build(settings(1, 0, 512, true, Map.of())), "steps: ", "0");
        assertBad(() -> sd.build(settings(0, 10, 512, true, Map.of())), "batch: ", "0");
        assertBad(() -> sd.build(settings(1, 10, 512, true, Map.of("vaeDecoder", "yes"))), "option vaeDecoder",
                "yes");
        assertBad(() -> DiffusionZoo.load("dit-xl-2").build(settings(1, 10, 256, true,
                Map.of("textEncoder", "true"))), "option textEncoder", "no text encoder");
    }

    @Test
    void buildingTwiceGivesEqualGraphs() {
        WorkloadSettings s = settings(2, 4, 768, true, Map.of("vaeDecoder", "true"));
        assertEquals(DiffusionZoo.load("sd-1.5").build(s), DiffusionZoo.load("sd-1.5").build(s));
    }

    @Test
    void theRegistryListsTheFourModelsWithComputedParameters() {
        Registry registry = Registry.load();
        for (String id : DiffusionZoo.IDS) {
            WorkloadFactory workload = registry.workload(id).orElseThrow();
            assertEquals("diffusion", workload.kind());
            assertEquals(workload.parameterCount(), workload.facts().get("parameters"));
        }
        assertEquals(859_520_964L, registry.workload("sd-1.5").orElseThrow().parameterCount());
        assertEquals(List.of("dit-xl-2", "pixart-alpha", "sd-1.5", "sdxl"),
                registry.ids(CatalogKind.WORKLOADS).stream().filter(DiffusionZoo.IDS::contains).toList());
    }
}
