package io.bitforge.workloads.diffusion;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SD3's MMDiT and FLUX.1 from configs written after the published architectures. */
class MmditTest {
    /** SD3-medium transformer (Esser et al. 2024, depth 24: 24 heads of 64; diffusers transformer/config.json). */
    static final String SD3_MEDIUM = """
            {"_class_name": "SD3Transformer2DModel", "_name_or_path": "stabilityai/stable-diffusion-3-medium",
             "sample_size": 128, "patch_size": 2, "in_channels": 16, "num_layers": 24, "attention_head_dim": 64,
             "num_attention_heads": 24, "joint_attention_dim": 4096, "caption_projection_dim": 1536,
             "pooled_projection_dim": 2048, "out_channels": 16, "pos_embed_max_size": 192}""";

    /** FLUX.1-dev transformer (19 double-stream and 38 single-stream blocks, 24 heads of 128, guidance embedding). */
    static final String FLUX_DEV = """
            {"_class_name": "FluxTransformer2DModel", "patch_size": 1, "in_channels": 64, "num_layers": 19,
             "num_single_layers": 38, "attention_head_dim": 128, "num_attention_heads": 24,
             "joint_attention_dim": 4096, "pooled_projection_dim": 768, "guidance_embeds": true,
             "axes_dims_rope": [16, 56, 56]}""";

    private static DiffusionWorkload load(Path dir, String name, String json) throws IOException {
        return DiffusionWorkload.fromConfig(Files.writeString(dir.resolve(name), json));
    }

    @Test
    void sd3MediumTransformerIsTwoBillionParameters(@TempDir Path dir) throws IOException {
        DiffusionWorkload sd3 = load(dir, "config.json", SD3_MEDIUM);
        // By hand (diffusers SD3Transformer2DModel): patch conv 16*4*1536 + 1536 = 99,840; timestep embedder
        // 256*1536+1536 + 1536^2+1536 = 2,755,584 and pooled-text embedder 2048*1536+1536 + 1536^2+1536 =
        // 5,508,096; context embedder 4096*1536+1536 = 6,292,992. A joint block per stream: adaLN 1536*9216+9216 =
        // 14,164,992, Q/K/V 3*(1536^2+1536) = 7,082,496, output 2,360,832, feed-forward 1536*6144+6144 +
        // 6144*1536+1536 = 18,882,048: 2 * 42,490,368 = 84,980,736, x23; the last block keeps only the image
        // stream's outputs: 84,980,736 - 9,443,328 (6D -> 2D context adaLN) - 2,360,832 - 18,882,048 = 54,294,528.
        // Output adaLN 1536*3072+3072 = 4,721,664, proj_out 1536*64+64 = 98,368. Total 2,028,328,000 (the
        // "2B" of SD3-medium; Hugging Face lists the transformer at 2.03B).
        assertEquals(2_028_328_000L, sd3.parameterCount());
        assertEquals(2_030_000_000L, sd3.parameterCount(), 2_030_000_000L * 0.001);
        assertEquals("stable-diffusion-3-medium", sd3.id());
        assertEquals("sd3", sd3.architecture());
        assertEquals(16, sd3.vae().latentChannels());
    }

    @Test
    void fluxDevTransformerIsTwelveBillionParameters(@TempDir Path dir) throws IOException {
        DiffusionWorkload flux = load(dir, "flux-dev.json", FLUX_DEV);
        // Hugging Face black-forest-labs/FLUX.1-dev transformer: 11.9B parameters ("12B" in the model card).
        assertEquals(11_900_000_000L, flux.parameterCount(), 11_900_000_000L * 0.001);
        // By hand: x_embedder 64*3072+3072 = 199,680; timestep and guidance embedders 2 * 10,229,760; pooled
        // text 768*3072+3072 + 3072^2+3072 = 11,802,624; context 4096*3072+3072 = 12,585,984. Double block:
        // 2 adaLN 2*(3072*18432+18432) = 113,283,072, 2 x Q/K/V and 2 outputs 8*(3072^2+3072) = 75,522,048, 4 QK
        // RMSNorms of 128, 2 feed-forwards 2*75,512,832 = 151,025,664 -> 339,831,296, x19. Single block: adaLN 3072*9216+9216 = 28,320,768,
        // proj_mlp 3072*12288+12288 = 37,761,024, Q/K/V 28,320,768, 2 QK norms 256, proj_out 15360*3072+3072 =
        // 47,188,992 -> 141,591,808, x38. Output adaLN 3072*6144+6144 = 18,880,512, proj_out 3072*64+64 = 196,672.
        assertEquals(11_901_408_320L, flux.parameterCount());
        assertEquals("flux-dev", flux.id()); // no _name_or_path, no folder: the file name
        assertEquals("flux", flux.architecture());
    }

    @Test
    void fluxAttendsJointlyOverImageAndTextTokens(@TempDir Path dir) throws IOException {
        DiffusionWorkload flux = load(dir, "flux.json", FLUX_DEV);
        // 1024 px: latent 128, packed 2x2 -> 64 x 64 = 4096 image tokens, plus 512 T5 tokens.
        NetworkGraph pass = flux.denoiser().build(1, 128, DiffusionQuant.fp16());
        GemmOp scores = (GemmOp) pass.graph().ops().stream()
                .filter(o -> o.name().equals("single_transformer_blocks.0.attn.scores")).findFirst().orElseThrow();
        assertEquals(4096 + 512, scores.m());
        assertEquals(4096 + 512, scores.n());
        assertEquals(128, scores.k());
        assertEquals(24, scores.count());
        GemmOp textQ = (GemmOp) find(pass, "transformer_blocks.0.attn.add_q_proj");
        assertEquals(512, textQ.m());
    }

    @Test
    void unknownDiffusersClassGetsADiffusionError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("config.json"), """
                {"_class_name": "HunyuanDiT2DModel", "num_layers": 40}""");
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionWorkload.fromConfig(file));
        assertTrue(e.getMessage().contains("_class_name") && e.getMessage().contains("HunyuanDiT2DModel")
                && e.getMessage().contains("FluxTransformer2DModel"), e.getMessage());
        assertFalse(e.getMessage().contains("model_type"), e.getMessage());
        assertTrue(DiffusersConfigLoader.isDiffusersConfig(file));
    }

    private static Op find(NetworkGraph pass, String name) {
        return pass.graph().ops().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }
}
