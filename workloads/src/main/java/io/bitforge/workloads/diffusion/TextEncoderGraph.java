package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpKind;

/**
 * One text-encoder pass: CLIP as huggingface/transformers {@code modeling_clip.py} (CLIPTextTransformer;
 * the causal mask still computes the full 77×77 score rectangle) or T5 as {@code modeling_t5.py}
 * (T5Stack encoder, gated-GELU {@code T5DenseGatedActDense}). Text-encoder linears are {@link LayerKind#EMBED}:
 * published diffusion quantisation leaves the text encoder at 16 bits unless that kind is named.
 */
final class TextEncoderGraph {
    private final TextEncoderSpec spec;
    private final GraphBuilder g;
    private final long batch;

    TextEncoderGraph(TextEncoderSpec spec, GraphBuilder builder, long batch) {
        this.spec = spec;
        this.g = builder;
        this.batch = batch;
    }

    NetworkGraph build() {
        boolean clip = spec.family() == TextEncoderSpec.Family.CLIP;
        long rows = batch * spec.tokens();
        int d = spec.hiddenSize();
        long inner = (long) spec.heads() * spec.headDim();
        String n = spec.name();
        g.lookup(n + ".token_embedding", rows, spec.vocabulary(), d);
        if (clip) {
            g.addTable(n + ".position_embedding", rows, d, (long) spec.tokens() * d);
        } else {
            g.declare((long) spec.relativeBuckets() * spec.heads()); // layer 0's relative_attention_bias table
        }
        for (int layer = 0; layer < spec.layers(); layer++) {
            String l = n + ".layers." + layer;
            if (clip) {
                g.norm(l + ".layer_norm1", rows, d, true);
            } else {
                g.rmsNorm(l + ".layer_norm1", rows, d);
            }
            for (String proj : new String[] {"q_proj", "k_proj", "v_proj"}) {
                g.linear(l + ".self_attn." + proj, LayerKind.EMBED, OpKind.PROJECTION, rows, d, inner, clip);
            }
            if (!clip) {
                g.add(l + ".self_attn.position_bias", batch * spec.heads() * (long) spec.tokens() * spec.tokens());
            }
            g.attention(l + ".self_attn", batch, spec.heads(), spec.tokens(), spec.tokens(), spec.headDim());
            g.linear(l + ".self_attn.out_proj", LayerKind.EMBED, OpKind.PROJECTION, rows, inner, d, clip);
            g.add(l + ".residual1", rows * d);
            if (clip) {
                g.norm(l + ".layer_norm2", rows, d, true);
                g.linear(l + ".mlp.fc1", LayerKind.EMBED, OpKind.MLP, rows, d, spec.feedForward(), true);
                g.activation(l + ".mlp.quick_gelu", rows * spec.feedForward());
                g.linear(l + ".mlp.fc2", LayerKind.EMBED, OpKind.MLP, rows, spec.feedForward(), d, true);
            } else {
                g.rmsNorm(l + ".layer_norm2", rows, d);
                g.linear(l + ".ff.wi_0", LayerKind.EMBED, OpKind.MLP, rows, d, spec.feedForward(), false);
                g.linear(l + ".ff.wi_1", LayerKind.EMBED, OpKind.MLP, rows, d, spec.feedForward(), false);
                g.activation(l + ".ff.gelu", rows * spec.feedForward());
                g.modulate(l + ".ff.gate", rows * spec.feedForward(), 1);
                g.linear(l + ".ff.wo", LayerKind.EMBED, OpKind.MLP, rows, spec.feedForward(), d, false);
            }
            g.add(l + ".residual2", rows * d);
        }
        if (clip) {
            g.norm(n + ".final_layer_norm", rows, d, true);
        } else {
            g.rmsNorm(n + ".final_layer_norm", rows, d);
        }
        if (spec.projectionDim() > 0) {
            g.linear(n + ".text_projection", LayerKind.EMBED, OpKind.PROJECTION, batch, d, spec.projectionDim(),
                    false);
        }
        return NetworkGraph.of(g, n);
    }
}
