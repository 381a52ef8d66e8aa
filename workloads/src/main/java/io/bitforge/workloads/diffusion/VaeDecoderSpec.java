package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The decoder half of a diffusers {@code AutoencoderKL} (latent → pixels, ×8 per side): post_quant_conv,
 * conv_in, a mid block (ResNet, single-head self-attention over all latent pixels, ResNet), up blocks of
 * {@code layersPerBlock + 1} ResNets with nearest ×2 upsampling + 3×3 conv between them, GroupNorm, SiLU,
 * conv_out. Stable Diffusion 1.x, SDXL, DiT and PixArt-α all decode with this architecture
 * (stabilityai/sd-vae-ft-ema and stable-diffusion-xl-base-1.0 vae/config.json: block_out_channels
 * [128, 256, 512, 512], layers_per_block 2, latent_channels 4, out_channels 3).
 */
public record VaeDecoderSpec(int latentChannels, int outChannels, List<Integer> blockOutChannels,
                             int layersPerBlock) {
    public VaeDecoderSpec {
        blockOutChannels = List.copyOf(blockOutChannels);
        if (latentChannels < 1 || outChannels < 1 || blockOutChannels.isEmpty() || layersPerBlock < 1) {
            throw new IllegalArgumentException("VAE decoder dimensions must be >= 1");
        }
    }

    /** The Stable Diffusion VAE decoder (see the type comment for its source). */
    public static VaeDecoderSpec stableDiffusion() {
        return new VaeDecoderSpec(4, 3, List.of(128, 256, 512, 512), 2);
    }

    /** The 16-channel VAE decoder of SD3 and FLUX.1 (stabilityai/stable-diffusion-3-medium-diffusers and
     *  black-forest-labs/FLUX.1-dev vae/config.json: latent_channels 16, the same four levels of
     *  [128, 256, 512, 512] with 2 layers per block). */
    public static VaeDecoderSpec sixteenChannel() {
        return new VaeDecoderSpec(16, 3, List.of(128, 256, 512, 512), 2);
    }

    /** The decoder for a denoiser's latent: the 16-channel one for 16 channels, Stable Diffusion's otherwise. */
    public static VaeDecoderSpec forLatent(int latentChannels) {
        return latentChannels == 16 ? sixteenChannel() : stableDiffusion();
    }

    /** Upsampling factor from latent to pixels: 2^(levels − 1) = 8 for four levels. */
    public int scaleFactor() {
        return 1 << (blockOutChannels.size() - 1);
    }

    /** One decode of {@code batch} latents of side {@code latentSide}. Decoder convs are {@link LayerKind#EMBED}:
     *  diffusion quantisation work leaves the VAE at 16 bits unless that kind is named. */
    public NetworkGraph build(long batch, long latentSide, DiffusionQuant quant) {
        GraphBuilder g = new GraphBuilder(quant);
        List<Integer> reversed = new ArrayList<>(blockOutChannels);
        Collections.reverse(reversed);
        int channels = reversed.get(0);
        long side = latentSide;
        g.conv("post_quant_conv", LayerKind.EMBED, batch, side, latentChannels, latentChannels, 1, 1, 0);
        g.conv("decoder.conv_in", LayerKind.EMBED, batch, side, latentChannels, channels, 3, 1, 1);
        resnet(g, batch, "decoder.mid_block.resnets.0", side, channels, channels);
        long pixels = batch * side * side;
        g.norm("decoder.mid_block.attentions.0.group_norm", pixels, channels, true);
        for (String proj : new String[] {"to_q", "to_k", "to_v"}) {
            g.linear("decoder.mid_block.attentions.0." + proj, LayerKind.EMBED, OpKind.PROJECTION,
                    pixels, channels, channels, true);
        }
        g.attention("decoder.mid_block.attentions.0", batch, 1, side * side, side * side, channels);
        g.linear("decoder.mid_block.attentions.0.to_out", LayerKind.EMBED, OpKind.PROJECTION,
                pixels, channels, channels, true);
        g.add("decoder.mid_block.attentions.0.residual", pixels * channels);
        resnet(g, batch, "decoder.mid_block.resnets.1", side, channels, channels);
        for (int up = 0; up < reversed.size(); up++) {
            int out = reversed.get(up);
            for (int layer = 0; layer <= layersPerBlock; layer++) {
                resnet(g, batch, "decoder.up_blocks." + up + ".resnets." + layer, side, channels, out);
                channels = out;
            }
            if (up < reversed.size() - 1) {
                side *= 2;
                g.copy("decoder.up_blocks." + up + ".upsamplers.0.interpolate", batch * side * side * out);
                g.conv("decoder.up_blocks." + up + ".upsamplers.0.conv", LayerKind.EMBED, batch, side, out, out, 3, 1,
                        1);
            }
        }
        g.norm("decoder.conv_norm_out", batch * side * side, channels, true);
        g.activation("decoder.conv_act", batch * side * side * channels);
        g.conv("decoder.conv_out", LayerKind.EMBED, batch, side, channels, outChannels, 3, 1, 1);
        return NetworkGraph.of(g, "vae-decoder");
    }

    /** ResnetBlock2D without a time embedding (temb_channels None in the VAE). */
    private static void resnet(GraphBuilder g, long batch, String name, long side, int in, int out) {
        long pixels = batch * side * side;
        g.norm(name + ".norm1", pixels, in, true);
        g.activation(name + ".nonlinearity1", pixels * in);
        g.conv(name + ".conv1", LayerKind.EMBED, batch, side, in, out, 3, 1, 1);
        g.norm(name + ".norm2", pixels, out, true);
        g.activation(name + ".nonlinearity2", pixels * out);
        g.conv(name + ".conv2", LayerKind.EMBED, batch, side, out, out, 3, 1, 1);
        if (in != out) {
            g.conv(name + ".conv_shortcut", LayerKind.EMBED, batch, side, in, out, 1, 1, 0);
        }
        g.add(name + ".residual", pixels * out);
    }
}
