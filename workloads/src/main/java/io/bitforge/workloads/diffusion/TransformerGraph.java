package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpKind;

/**
 * One forward pass of a {@link TransformerSpec}: patchify (a p×p stride-p conv), position table, condition
 * embedding, {@code depth} blocks, final layer (modulated LayerNorm + Linear to p²·C_out; unpatchify is a
 * reshape). DiT follows facebookresearch/DiT {@code models.py} (DiTBlock, FinalLayer); PixArt follows
 * diffusers {@code PixArtTransformer2DModel} with {@code BasicTransformerBlock(norm_type="ada_norm_single")}.
 */
final class TransformerGraph {
    private final TransformerSpec spec;
    private final GraphBuilder g;
    private final long batch;

    TransformerGraph(TransformerSpec spec, GraphBuilder builder, long batch) {
        this.spec = spec;
        this.g = builder;
        this.batch = batch;
    }

    NetworkGraph build(long latentSide) {
        int d = spec.hiddenSize();
        int p = spec.patchSize();
        long grid = latentSide / p;
        long perImage = grid * grid;
        long tokens = batch * perImage;
        boolean dit = spec.conditioning() == TransformerSpec.Conditioning.ADALN_ZERO;

        g.conv(dit ? "x_embedder.proj" : "pos_embed.proj", LayerKind.EMBED, batch, latentSide, spec.inChannels(), d,
                p, p, 0);
        long nativeGrid = spec.sampleSize() / p;
        g.addTable(dit ? "pos_embed" : "pos_embed.add", tokens, d,
                spec.learnedPositions() ? nativeGrid * nativeGrid * d : 0);
        timestepEmbedder(dit ? "t_embedder" : "adaln_single.emb.timestep_embedder", d);
        if (dit) {
            // Class label table with a null row for classifier-free guidance (LabelEmbedding, dropout > 0).
            g.lookup("y_embedder.embedding_table", batch, spec.numClasses() + 1L, d);
            g.add("c", batch * d);
        } else {
            pixartConditioning(d);
        }

        for (int i = 0; i < spec.depth(); i++) {
            if (dit) {
                ditBlock("blocks." + i, tokens, perImage);
            } else {
                pixartBlock("transformer_blocks." + i, tokens, perImage);
            }
        }

        int outFeatures = p * p * spec.outChannels();
        String last = dit ? "final_layer" : "proj_out";
        if (dit) {
            g.activation("final_layer.adaLN_modulation.silu", batch * d);
            g.linear("final_layer.adaLN_modulation.linear", LayerKind.ADALN, OpKind.GEMM, batch, d, 2L * d, true);
        } else {
            g.declare(2L * d); // scale_shift_table of the output norm
            g.add("norm_out.shift_scale", batch * 2L * d);
        }
        g.norm(dit ? "final_layer.norm_final" : "norm_out", tokens, d, false);
        g.modulate(last + ".modulate", tokens * d, 2);
        g.linear(dit ? "final_layer.linear" : "proj_out", LayerKind.EMBED, OpKind.GEMM, tokens, d, outFeatures,
                true);
        return NetworkGraph.of(g, dit ? "dit" : "pixart");
    }

    /** TimestepEmbedder: 256-wide sinusoid, Linear(256, D), SiLU, Linear(D, D). */
    private void timestepEmbedder(String name, int d) {
        int f = TransformerSpec.FREQUENCY_EMBEDDING;
        g.sinusoid(name + ".time_proj", batch, f);
        g.linear(name + ".linear_1", LayerKind.EMBED, OpKind.GEMM, batch, f, d, true);
        g.activation(name + ".act", batch * d);
        g.linear(name + ".linear_2", LayerKind.EMBED, OpKind.GEMM, batch, d, d, true);
    }

    /**
     * PixArt-α conditioning: micro-conditions (resolution: 2 values, aspect ratio: 1, each through a 256-wide
     * sinusoid and TimestepEmbedding(256, D/3), concatenated to D and added), adaLN-single's shared
     * SiLU + Linear(D, 6D), and the caption projection Linear(4096, D), GELU(tanh), Linear(D, D) on the T5 tokens.
     */
    private void pixartConditioning(int d) {
        int f = TransformerSpec.FREQUENCY_EMBEDDING;
        if (spec.sizeConditioning()) {
            int size = d / 3;
            g.sinusoid("adaln_single.emb.additional_condition_proj", batch * 3, f);
            g.linear("adaln_single.emb.resolution_embedder.linear_1", LayerKind.EMBED, OpKind.GEMM, batch * 2, f,
                    size, true);
            g.activation("adaln_single.emb.resolution_embedder.act", batch * 2 * size);
            g.linear("adaln_single.emb.resolution_embedder.linear_2", LayerKind.EMBED, OpKind.GEMM, batch * 2,
                    size, size, true);
            g.linear("adaln_single.emb.aspect_ratio_embedder.linear_1", LayerKind.EMBED, OpKind.GEMM, batch, f,
                    size, true);
            g.activation("adaln_single.emb.aspect_ratio_embedder.act", batch * size);
            g.linear("adaln_single.emb.aspect_ratio_embedder.linear_2", LayerKind.EMBED, OpKind.GEMM, batch, size,
                    size, true);
            g.add("adaln_single.emb.conditioning", batch * d);
        }
        g.activation("adaln_single.silu", batch * d);
        g.linear("adaln_single.linear", LayerKind.ADALN, OpKind.GEMM, batch, d, 6L * d, true);
        long textRows = batch * spec.textTokens();
        g.linear("caption_projection.linear_1", LayerKind.EMBED, OpKind.GEMM, textRows, spec.captionChannels(), d,
                true);
        g.activation("caption_projection.act_1", textRows * d);
        g.linear("caption_projection.linear_2", LayerKind.EMBED, OpKind.GEMM, textRows, d, d, true);
    }

    /**
     * DiTBlock: SiLU(c) → Linear(D, 6D) (adaLN-Zero), LayerNorm (no affine) + modulate, fused qkv Linear(D, 3D),
     * attention, proj, gate + residual; LayerNorm + modulate, MLP D → 4D (GELU tanh) → D, gate + residual.
     */
    private void ditBlock(String name, long tokens, long perImage) {
        int d = spec.hiddenSize();
        g.activation(name + ".adaLN_modulation.silu", batch * d);
        g.linear(name + ".adaLN_modulation.linear", LayerKind.ADALN, OpKind.GEMM, batch, d, 6L * d, true);
        g.norm(name + ".norm1", tokens, d, false);
        g.modulate(name + ".modulate1", tokens * d, 2);
        g.linear(name + ".attn.qkv", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, 3L * d, true);
        g.attention(name + ".attn", batch, spec.heads(), perImage, perImage, d / spec.heads());
        g.linear(name + ".attn.proj", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, d, true);
        g.modulate(name + ".gate_msa", tokens * d, 1);
        g.add(name + ".residual1", tokens * d);
        g.norm(name + ".norm2", tokens, d, false);
        g.modulate(name + ".modulate2", tokens * d, 2);
        mlp(name + ".mlp.fc1", name + ".mlp.fc2", tokens);
        g.modulate(name + ".gate_mlp", tokens * d, 1);
        g.add(name + ".residual2", tokens * d);
    }

    /**
     * PixArt block: per-block scale_shift_table (6D) + the shared timestep vector, LayerNorm (no affine) +
     * modulate, self-attention (q, k, v, out with bias), gate + residual, cross-attention from image tokens to
     * the projected caption tokens (no norm before it, as diffusers' ada_norm_single path), residual,
     * LayerNorm + modulate, feed-forward GELU(tanh), gate + residual.
     */
    private void pixartBlock(String name, long tokens, long perImage) {
        int d = spec.hiddenSize();
        int headDim = d / spec.heads();
        long textRows = batch * spec.textTokens();
        g.declare(6L * d);
        g.add(name + ".scale_shift", batch * 6L * d);
        g.norm(name + ".norm1", tokens, d, false);
        g.modulate(name + ".modulate1", tokens * d, 2);
        for (String proj : new String[] {"to_q", "to_k", "to_v"}) {
            g.linear(name + ".attn1." + proj, LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, d, true);
        }
        g.attention(name + ".attn1", batch, spec.heads(), perImage, perImage, headDim);
        g.linear(name + ".attn1.to_out", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, d, true);
        g.modulate(name + ".gate_msa", tokens * d, 1);
        g.add(name + ".attn1.residual", tokens * d);
        g.linear(name + ".attn2.to_q", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, d, true);
        g.linear(name + ".attn2.to_k", LayerKind.ATTENTION, OpKind.PROJECTION, textRows, d, d, true);
        g.linear(name + ".attn2.to_v", LayerKind.ATTENTION, OpKind.PROJECTION, textRows, d, d, true);
        g.attention(name + ".attn2", batch, spec.heads(), perImage, spec.textTokens(), headDim);
        g.linear(name + ".attn2.to_out", LayerKind.ATTENTION, OpKind.PROJECTION, tokens, d, d, true);
        g.add(name + ".attn2.residual", tokens * d);
        g.norm(name + ".norm2", tokens, d, false);
        g.modulate(name + ".modulate2", tokens * d, 2);
        mlp(name + ".ff.net.0.proj", name + ".ff.net.2", tokens);
        g.modulate(name + ".gate_mlp", tokens * d, 1);
        g.add(name + ".ff.residual", tokens * d);
    }

    private void mlp(String up, String down, long tokens) {
        int d = spec.hiddenSize();
        int hidden = spec.mlpHidden();
        g.linear(up, LayerKind.FFN, OpKind.MLP, tokens, d, hidden, true);
        g.activation(up + ".gelu", tokens * hidden);
        g.linear(down, LayerKind.FFN, OpKind.MLP, tokens, hidden, d, true);
    }
}
