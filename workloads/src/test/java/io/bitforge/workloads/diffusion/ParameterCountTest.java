package io.bitforge.workloads.diffusion;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Parameter counts computed from the graph structure against published totals (none of these numbers is
 * stored in the code).
 */
class ParameterCountTest {
    private static long parameters(String id) {
        return DiffusionZoo.load(id).parameterCount();
    }

    @Test
    void ditXl2MatchesTheReferenceExactly() {
        // Reference README: DiT-XL/2 675,129,632 (facebookresearch/DiT at 256 px, pos_embed an nn.Parameter).
        assertEquals(675_129_632L, parameters("dit-xl-2"));
    }

    @Test
    void stableDiffusion15UnetMatchesTheReferenceExactly() {
        // Reference README: Stable Diffusion 1.5 UNet 859,520,964 (diffusers safetensors metadata).
        assertEquals(859_520_964L, parameters("sd-1.5"));
    }

    @Test
    void sdxlUnetIsWithinATenthOfAPercentOfDiffusers() {
        // stabilityai/stable-diffusion-xl-base-1.0 UNet: 2,567,463,684 parameters (the total of the
        // sd_xl_base_1.0.safetensors UNet tensors, e.g. as logged by diffusers-based trainers: "unet params =
        // 2567463684"). The structure reproduces it exactly; the issue asks for 0.1%.
        long published = 2_567_463_684L;
        assertEquals(published, parameters("sdxl"), published * 0.001);
        assertEquals(published, parameters("sdxl"));
    }

    @Test
    void pixartAlphaIsWithinATenthOfAPercentOfDiffusers() {
        // PixArt-alpha XL/2 transformer total 610,856,096, as recorded for the diffusers PixArt transformer
        // checkpoint in a public diffusion memory-profile test; that total has no micro-condition embedders.
        // The 1024-MS checkpoint has them (diffusers scripts/convert_pixart_alpha_to_diffusers.py converts
        // csize_embedder/ar_embedder for the 1024 multi-scale model, and diffusers builds them for
        // sample_size 128): 2 × TimestepEmbedding(256, 384) = 2 × (256·384 + 384 + 384·384 + 384)
        // = 2 × 246,528 = 493,056 more, 0.081 % of the total.
        long published = 610_856_096L;
        long computed = parameters("pixart-alpha");
        assertEquals(published, computed, published * 0.001);
        assertEquals(published + 493_056L, computed);
    }

    @Test
    void pixartWithoutSizeConditioningMatchesThePublishedTotalExactly() throws IOException {
        ObjectNode config;
        try (InputStream in = DiffusionZoo.class.getResourceAsStream("pixart-alpha.json")) {
            config = (ObjectNode) Json.mapper().readTree(in).get("config");
        }
        config.put("use_additional_conditions", false);
        DenoiserSpec spec = DiffusersConfigLoader.parse(config, "pixart.json");
        assertEquals(610_856_096L, spec.build(1, spec.nativeLatentSide(), DiffusionQuant.fp16()).parameters());
    }

    @Test
    void textEncodersMatchTheirCheckpoints() {
        // stable-diffusion-xl-base-1.0 component totals: CLIP-L 123,060,480; OpenCLIP bigG (with projection)
        // 694,659,840. PixArt-alpha's T5-v1.1-XXL encoder ("conditioning" total of the public profile test
        // above): 4,762,310,656.
        assertEquals(123_060_480L, TextEncoderSpec.clipVitL14().build(1, DiffusionQuant.fp16()).parameters());
        assertEquals(694_659_840L, TextEncoderSpec.openClipBigG14().build(1, DiffusionQuant.fp16()).parameters());
        assertEquals(4_762_310_656L, TextEncoderSpec.t5V11Xxl().build(1, DiffusionQuant.fp16()).parameters());
    }

    @Test
    void vaeDecoderPlusEncoderMatchesTheAutoencoderTotal() {
        // AutoencoderKL (stable-diffusion-xl-base-1.0 vae) has 83,653,863 parameters. The encoder half, by
        // hand (3×3 conv = 9·in·out + out, GroupNorm = 2C, resnet = 2 norms + 2 convs [+ 1×1 shortcut]):
        //   conv_in 3→128: 3,584
        //   down 0 (128): 2 resnets 2×295,680 = 591,360; downsample conv 147,584
        //   down 1 (128→256): resnets 919,040 + 1,181,184; downsample 590,080       = 2,690,304
        //   down 2 (256→512): resnets 3,673,088 + 4,721,664; downsample 2,359,808   = 10,754,560
        //   down 3 (512): 2 resnets = 9,443,328
        //   mid: 2 resnets 9,443,328 + attention (GN 1,024 + 4 × (512² + 512)) 1,051,648
        //   norm_out 1,024; conv_out 512→8 36,872; quant_conv 1×1 8→8 72
        //   sum = 34,163,664
        long encoder = 34_163_664L;
        long decoder = VaeDecoderSpec.stableDiffusion().build(1, 64, DiffusionQuant.fp16()).parameters();
        assertEquals(83_653_863L, encoder + decoder);
    }

    @Test
    void stableDiffusion2LoadsFromItsConfigAndMatchesBuddyCompilersBuffers() throws IOException {
        // buddy-compiler/buddy-mlir examples/BuddyStableDiffusion/buddy-stable-diffusion-main.cpp sizes its
        // flat parameter buffers for Stable Diffusion 2.x as: text encoder 340,387,840, UNet 865,910,724,
        // VAE decoder 49,490,199 floats. The UNet config differs from SD-1.5 in heads per level, a 1024-wide
        // (OpenCLIP ViT-H) context and linear proj_in/out (stabilityai/stable-diffusion-2-1 unet/config.json).
        ObjectNode config;
        try (InputStream in = DiffusionZoo.class.getResourceAsStream("sd-1.5.json")) {
            config = (ObjectNode) Json.mapper().readTree(in).get("config");
        }
        config.putArray("attention_head_dim").add(5).add(10).add(20).add(20);
        config.put("cross_attention_dim", 1024);
        config.put("use_linear_projection", true);
        DenoiserSpec spec = DiffusersConfigLoader.parse(config, "sd-2/unet/config.json");
        assertEquals(865_910_724L, spec.build(1, 64, DiffusionQuant.fp16()).parameters());
        assertEquals(1, spec.textEncoders().size());
        assertEquals(340_387_840L, spec.textEncoders().get(0).build(1, DiffusionQuant.fp16()).parameters());
        assertEquals(49_490_199L, VaeDecoderSpec.stableDiffusion().build(1, 64, DiffusionQuant.fp16()).parameters());
    }

    @Test
    void parameterCountsDoNotDependOnBatchOrResolution() {
        DenoiserSpec spec = DiffusionZoo.load("sd-1.5").denoiser();
        long native64 = spec.build(1, 64, DiffusionQuant.fp16()).parameters();
        assertEquals(native64, spec.build(2, 96, DiffusionQuant.fp16()).parameters());
    }
}
