package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Multiply-accumulates of single blocks derived by hand, and whole-step totals against published figures. */
class MacCountTest {
    private static OpGraph step(String id, int resolution, boolean guidance) {
        WorkloadSettings settings = new WorkloadSettings("both", 1, 0, 0, 0, "W16A16", 1, resolution, guidance,
                Map.of());
        PhaseGraph denoise = DiffusionZoo.load(id).build(settings).get(0);
        assertEquals("denoise", denoise.name());
        return denoise.graph();
    }

    private static long macsUnder(OpGraph graph, String prefix) {
        return graph.gemms().stream().filter(g -> g.name().startsWith(prefix)).mapToLong(GemmOp::totalMacs).sum();
    }

    @Test
    void sd15ResnetBlockAt64x64Latents() {
        // down_blocks.0.resnets.0: 320 → 320 channels on a 64×64 latent, batch 1 (512 px, no guidance).
        //   conv1 3×3: M = 64·64 = 4096, K = 9·320 = 2880, N = 320  → 3,774,873,600
        //   time_emb_proj: 1 × 1280 × 320                           →       409,600
        //   conv2 3×3: same as conv1                                → 3,774,873,600
        //   no shortcut (channels unchanged)                  total = 7,550,156,800
        OpGraph graph = step("sd-1.5", 512, false);
        assertEquals(7_550_156_800L, macsUnder(graph, "down_blocks.0.resnets.0."));
    }

    @Test
    void sd15UpResnetWithSkipConcatenationAt64x64Latents() {
        // up_blocks.3.resnets.0: 640 channels from up_blocks.2 concatenated with down_blocks.0.resnets.1's 320
        // skip = 960 in, 320 out, 64×64.
        //   conv1: 4096 × 9·960 × 320 = 4096 × 8640 × 320     → 11,324,620,800
        //   time_emb_proj: 1280 × 320                         →        409,600
        //   conv2: 4096 × 2880 × 320                          →  3,774,873,600
        //   conv_shortcut 1×1: 4096 × 960 × 320               →  1,258,291,200
        //                                              total = 16,358,195,200
        OpGraph graph = step("sd-1.5", 512, false);
        assertEquals(16_358_195_200L, macsUnder(graph, "up_blocks.3.resnets.0."));
    }

    @Test
    void sd15DownsamplerHalvesTheSideAsPyTorchDoes() {
        // down_blocks.0.downsamplers.0.conv: 3×3, stride 2, padding 1 on 64×64 → floor((64 + 2 − 3) / 2) + 1
        // = 32 per side: M = 32·32 = 1024, K = 9·320 = 2880, N = 320 → 943,718,400 MACs.
        GemmOp conv = DiffusionQuantTest.gemm(step("sd-1.5", 512, false), "down_blocks.0.downsamplers.0.conv");
        assertEquals(1024, conv.m());
        assertEquals(943_718_400L, conv.totalMacs());
    }

    @Test
    void sd15TransformerBlockAt64x64Latents() {
        // down_blocks.0.attentions.0.transformer_blocks.0: C = 320, 8 heads of 40, 4096 image tokens,
        // 77 text tokens of width 768, batch 1.
        //   attn1 to_q/to_k/to_v: 3 × 4096·320·320          =  1,258,291,200
        //   attn1 Q·Kᵀ: 8 × 4096·40·4096                     =  5,368,709,120
        //   attn1 P·V:  8 × 4096·4096·40                     =  5,368,709,120
        //   attn1 to_out: 4096·320·320                       =    419,430,400
        //   attn2 to_q: 4096·320·320                         =    419,430,400
        //   attn2 to_k/to_v: 2 × 77·768·320                  =     37,847,040
        //   attn2 Q·Kᵀ and P·V: 2 × 8 × 4096·40·77           =    201,850,880
        //   attn2 to_out                                     =    419,430,400
        //   ff GEGLU proj: 4096·320·2560                     =  3,355,443,200
        //   ff out: 4096·1280·320                            =  1,677,721,600
        //                                             total = 18,526,863,360
        OpGraph graph = step("sd-1.5", 512, false);
        assertEquals(18_526_863_360L, macsUnder(graph, "down_blocks.0.attentions.0.transformer_blocks.0."));
    }

    @Test
    void ditBlockAt64x64Latents() {
        // DiT-XL/2 blocks.0 at 512 px: 64×64 latent, patch 2 → 1024 tokens, D = 1152, 16 heads of 72.
        //   adaLN_modulation: 1 × 1152 × 6912                =      7,962,624
        //   qkv: 1024·1152·3456                              =  4,076,863,488
        //   Q·Kᵀ + P·V: 2 × 16 × 1024·72·1024                =  2,415,919,104
        //   proj: 1024·1152·1152                             =  1,358,954,496
        //   fc1 + fc2: 2 × 1024·1152·4608                    = 10,871,635,968
        //                                             total = 18,731,335,680
        OpGraph graph = step("dit-xl-2", 512, false);
        assertEquals(18_731_335_680L, macsUnder(graph, "blocks.0."));
    }

    @Test
    void ditXl2StepMatchesThePaper() {
        // Peebles & Xie, "Scalable Diffusion Models with Transformers" (ICCV 2023), Table 4: DiT-XL/2 118.6
        // Gflops at 256 px and 524.6 Gflops at 512 px, counting a multiply-add once (one image, no guidance).
        assertEquals(118.6e9, step("dit-xl-2", 256, false).totalMacs(), 118.6e9 * 0.001);
        assertEquals(524.6e9, step("dit-xl-2", 512, false).totalMacs(), 524.6e9 * 0.001);
    }

    @Test
    void guidanceDoublesEveryOpOfTheStepAndRecombinesTheTwoHalves() {
        for (String id : DiffusionZoo.IDS) {
            OpGraph single = step(id, 512, false);
            OpGraph doubled = step(id, 512, true);
            assertEquals(2 * single.totalMacs(), doubled.totalMacs(), id);
            // uncond + scale · (cond − uncond): 3 ops on each of the 4 × 64 × 64 latent elements of one image.
            double combine = 3.0 * 4 * 64 * 64;
            assertEquals(2 * single.totalOps() + combine, doubled.totalOps(), 1e-9 * doubled.totalOps(), id);
        }
    }
}
