package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpKind;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds one UNet2DConditionModel forward pass the way diffusers runs it
 * (huggingface/diffusers, {@code models/unets/unet_2d_condition.py}, {@code unet_2d_blocks.py},
 * {@code resnet.py}, {@code attention.py}, {@code transformer_2d.py}): time embedding, conv_in, down blocks
 * (ResNet blocks, cross-attention transformers, stride-2 downsampling convs) pushing skip tensors, the mid
 * block, up blocks concatenating those skips (nearest-neighbour upsampling + 3×3 conv), then
 * GroupNorm/SiLU/conv_out. Op names follow diffusers' module names.
 */
final class UnetGraph {
    private final UnetSpec spec;
    private final GraphBuilder g;
    private final long batch;

    UnetGraph(UnetSpec spec, GraphBuilder builder, long batch) {
        this.spec = spec;
        this.g = builder;
        this.batch = batch;
    }

    NetworkGraph build(long side) {
        int temb = spec.timeEmbedDim();
        int c0 = spec.blockOutChannels().get(0);
        // Time embedding: sinusoid of width c0, then Linear(c0, 4c0), SiLU, Linear(4c0, 4c0).
        g.sinusoid("time_proj", batch, c0);
        g.linear("time_embedding.linear_1", LayerKind.EMBED, OpKind.GEMM, batch, c0, temb, true);
        g.activation("time_embedding.act", batch * temb);
        g.linear("time_embedding.linear_2", LayerKind.EMBED, OpKind.GEMM, batch, temb, temb, true);
        if (spec.additionTimeEmbedDim() > 0) {
            // SDXL text_time: six time ids (original size, crop, target size) → 6 × 256 sinusoid, concatenated
            // with the pooled text embedding (1280) → 2816 → TimestepEmbedding(2816, 1280); added to temb.
            g.sinusoid("add_time_proj", batch * 6, spec.additionTimeEmbedDim());
            g.linear("add_embedding.linear_1", LayerKind.EMBED, OpKind.GEMM, batch, spec.additionInputDim(),
                    temb, true);
            g.activation("add_embedding.act", batch * temb);
            g.linear("add_embedding.linear_2", LayerKind.EMBED, OpKind.GEMM, batch, temb, temb, true);
            g.add("add_embedding.sum", batch * temb);
        }
        // Every ResNet projects SiLU(temb); diffusers applies the SiLU inside each block, counted there.
        g.conv("conv_in", LayerKind.EMBED, batch, side, spec.inChannels(), c0, 3, 1, 1);

        Deque<Integer> skips = new ArrayDeque<>();
        skips.push(c0);
        int channels = c0;
        int levels = spec.levels();
        for (int level = 0; level < levels; level++) {
            String block = "down_blocks." + level;
            int out = spec.blockOutChannels().get(level);
            for (int layer = 0; layer < spec.layersPerBlock(); layer++) {
                resnet(block + ".resnets." + layer, side, channels, out);
                channels = out;
                if (spec.downCrossAttention().get(level)) {
                    transformer(block + ".attentions." + layer, side, out, spec.heads().get(level),
                            spec.transformerDepth().get(level));
                }
                skips.push(out);
            }
            if (level < levels - 1) {
                side = g.conv(block + ".downsamplers.0.conv", LayerKind.CONV, batch, side, out, out, 3, 2, 1);
                skips.push(out);
            }
        }

        int deepest = levels - 1;
        resnet("mid_block.resnets.0", side, channels, channels);
        transformer("mid_block.attentions.0", side, channels, spec.heads().get(deepest),
                spec.transformerDepth().get(deepest));
        resnet("mid_block.resnets.1", side, channels, channels);

        for (int up = 0; up < levels; up++) {
            String block = "up_blocks." + up;
            int level = deepest - up;
            int out = spec.blockOutChannels().get(level);
            for (int layer = 0; layer <= spec.layersPerBlock(); layer++) {
                int skip = skips.pop();
                g.copy(block + ".resnets." + layer + ".concat", batch * side * side * (channels + skip));
                resnet(block + ".resnets." + layer, side, channels + skip, out);
                channels = out;
                if (spec.upCrossAttention().get(up)) {
                    transformer(block + ".attentions." + layer, side, out, spec.heads().get(level),
                            spec.transformerDepth().get(level));
                }
            }
            if (up < levels - 1) {
                side *= 2;
                g.copy(block + ".upsamplers.0.interpolate", batch * side * side * out);
                g.conv(block + ".upsamplers.0.conv", LayerKind.CONV, batch, side, out, out, 3, 1, 1);
            }
        }

        g.norm("conv_norm_out", batch * side * side, channels, true);
        g.activation("conv_act", batch * side * side * channels);
        g.conv("conv_out", LayerKind.EMBED, batch, side, channels, spec.outChannels(), 3, 1, 1);
        return NetworkGraph.of(g, "unet");
    }

    /**
     * ResnetBlock2D: GroupNorm, SiLU, 3×3 conv, + Linear(SiLU(temb)) broadcast over pixels, GroupNorm, SiLU,
     * 3×3 conv, 1×1 shortcut conv when channels change, residual add.
     */
    private void resnet(String name, long side, int in, int out) {
        long pixels = batch * side * side;
        int temb = spec.timeEmbedDim();
        g.norm(name + ".norm1", pixels, in, true);
        g.activation(name + ".nonlinearity1", pixels * in);
        g.conv(name + ".conv1", LayerKind.CONV, batch, side, in, out, 3, 1, 1);
        g.activation(name + ".time_emb_act", batch * temb);
        g.linear(name + ".time_emb_proj", LayerKind.EMBED, OpKind.GEMM, batch, temb, out, true);
        g.add(name + ".time_emb_add", pixels * out);
        g.norm(name + ".norm2", pixels, out, true);
        g.activation(name + ".nonlinearity2", pixels * out);
        g.conv(name + ".conv2", LayerKind.CONV, batch, side, out, out, 3, 1, 1);
        if (in != out) {
            g.conv(name + ".conv_shortcut", LayerKind.CONV, batch, side, in, out, 1, 1, 0);
        }
        g.add(name + ".residual", pixels * out);
    }

    /**
     * Transformer2DModel: GroupNorm, proj_in, {@code depth} BasicTransformerBlocks (LayerNorm → self-attention,
     * LayerNorm → cross-attention to the text context, LayerNorm → GEGLU feed-forward, each with a residual),
     * proj_out, residual. proj_in/out are linears or 1×1 convs: the same GEMM either way.
     */
    private void transformer(String name, long side, int channels, int heads, int depth) {
        long tokens = batch * side * side;
        long perImage = side * side;
        int headDim = channels / heads;
        int context = spec.crossAttentionDim();
        long textRows = batch * spec.contextTokens();
        g.norm(name + ".norm", tokens, channels, true);
        g.linear(name + ".proj_in", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, true);
        for (int d = 0; d < depth; d++) {
            String b = name + ".transformer_blocks." + d;
            g.norm(b + ".norm1", tokens, channels, true);
            g.linear(b + ".attn1.to_q", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, false);
            g.linear(b + ".attn1.to_k", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, false);
            g.linear(b + ".attn1.to_v", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, false);
            g.attention(b + ".attn1", batch, heads, perImage, perImage, headDim);
            g.linear(b + ".attn1.to_out", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, true);
            g.add(b + ".attn1.residual", tokens * channels);
            g.norm(b + ".norm2", tokens, channels, true);
            g.linear(b + ".attn2.to_q", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, false);
            g.linear(b + ".attn2.to_k", LayerKind.ATTENTION, OpKind.PROJECTION, textRows, context, channels, false);
            g.linear(b + ".attn2.to_v", LayerKind.ATTENTION, OpKind.PROJECTION, textRows, context, channels, false);
            g.attention(b + ".attn2", batch, heads, perImage, spec.contextTokens(), headDim);
            g.linear(b + ".attn2.to_out", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, true);
            g.add(b + ".attn2.residual", tokens * channels);
            g.norm(b + ".norm3", tokens, channels, true);
            // GEGLU: one Linear(C, 8C) gives value and gate halves; GELU(gate) · value; Linear(4C, C).
            g.linear(b + ".ff.net.0.proj", LayerKind.FFN, OpKind.MLP, tokens, channels, 8L * channels, true);
            g.activation(b + ".ff.net.0.gelu", tokens * 4L * channels);
            g.modulate(b + ".ff.net.0.gate", tokens * 4L * channels, 1);
            g.linear(b + ".ff.net.2", LayerKind.FFN, OpKind.MLP, tokens, 4L * channels, channels, true);
            g.add(b + ".ff.residual", tokens * channels);
        }
        g.linear(name + ".proj_out", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, channels, channels, true);
        g.add(name + ".residual", tokens * channels);
    }
}
