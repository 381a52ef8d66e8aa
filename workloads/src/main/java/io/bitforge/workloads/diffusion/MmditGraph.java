package io.bitforge.workloads.diffusion;

import io.bitforge.core.op.OpKind;

/**
 * One forward pass of an {@link MmditSpec}, following diffusers' {@code SD3Transformer2DModel} and
 * {@code FluxTransformer2DModel}: patch embedding, timestep / pooled-text (/ guidance) embedding, context
 * embedder on the text tokens, the joint blocks (each stream: adaLN-Zero modulation regressed from the
 * conditioning vector, LayerNorm without affine, its own Q/K/V, one attention over image + text tokens, its own
 * output projection and GELU(tanh) feed-forward; SD3's last block keeps only the image stream's outputs), FLUX's
 * single-stream blocks (modulation, fused attention + MLP input, QK-norm, rotary, attention, one output
 * projection of attention and MLP together), and the final modulated norm and projection. Rotary positions
 * (FLUX) cost 3 ops per rotated query and key element, as in the LLM graphs.
 */
final class MmditGraph {
    private final MmditSpec spec;
    private final GraphBuilder g;
    private final long batch;

    MmditGraph(MmditSpec spec, GraphBuilder builder, long batch) {
        this.spec = spec;
        this.g = builder;
        this.batch = batch;
    }

    NetworkGraph build(long latentSide) {
        int d = spec.hiddenSize();
        long grid = latentSide / spec.tokenSide();
        long imageTokens = grid * grid;
        long image = batch * imageTokens;
        long text = batch * spec.textTokens();
        boolean flux = spec.variant() == MmditSpec.Variant.FLUX;
        if (flux) {
            // Packed 2x2 latent pixels per token, one Linear (x_embedder).
            g.linear("x_embedder", LayerKind.EMBED, OpKind.GEMM, image, spec.inChannels(), d, true);
        } else {
            g.conv("pos_embed.proj", LayerKind.EMBED, batch, latentSide, spec.inChannels(), d, spec.patchSize(),
                    spec.patchSize(), 0);
            // The sin-cos table is a buffer (diffusers PatchEmbed), cropped to the grid and added.
            g.addTable("pos_embed.add", image, d, 0);
        }
        embedder("time_text_embed.timestep_embedder", TransformerSpec.FREQUENCY_EMBEDDING, d, true);
        if (spec.guidanceEmbeds()) {
            embedder("time_text_embed.guidance_embedder", TransformerSpec.FREQUENCY_EMBEDDING, d, true);
            g.add("time_text_embed.guidance_add", batch * d);
        }
        embedder("time_text_embed.text_embedder", spec.pooledProjectionDim(), d, false);
        g.add("time_text_embed.add", batch * d);
        g.linear("context_embedder", LayerKind.EMBED, OpKind.GEMM, text, spec.jointAttentionDim(), d, true);

        for (int i = 0; i < spec.doubleBlocks(); i++) {
            boolean last = !flux && i == spec.doubleBlocks() - 1;
            jointBlock("transformer_blocks." + i, image, text, imageTokens, last);
        }
        for (int i = 0; i < spec.singleBlocks(); i++) {
            singleBlock("single_transformer_blocks." + i, image + text, imageTokens + spec.textTokens());
        }
        modulation("norm_out", 2);
        g.norm("norm_out.norm", image, d, false);
        g.modulate("norm_out.modulate", image * d, 2);
        long outFeatures = (long) spec.patchSize() * spec.patchSize() * spec.outChannels();
        g.linear("proj_out", LayerKind.EMBED, OpKind.GEMM, image, d, outFeatures, true);
        return NetworkGraph.of(g, flux ? "flux" : "sd3");
    }

    /** TimestepEmbedding / PixArtAlphaTextProjection: (sinusoid), Linear(in, D), SiLU, Linear(D, D). */
    private void embedder(String name, int in, int d, boolean sinusoid) {
        if (sinusoid) {
            g.sinusoid(name + ".time_proj", batch, in);
        }
        g.linear(name + ".linear_1", LayerKind.EMBED, OpKind.GEMM, batch, in, d, true);
        g.activation(name + ".act", batch * d);
        g.linear(name + ".linear_2", LayerKind.EMBED, OpKind.GEMM, batch, d, d, true);
    }

    /** adaLN: SiLU of the conditioning vector, then Linear(D, vectors × D) once per image. */
    private void modulation(String name, int vectors) {
        int d = spec.hiddenSize();
        g.activation(name + ".silu", batch * d);
        g.linear(name + ".linear", LayerKind.ADALN, OpKind.GEMM, batch, d, (long) vectors * d, true);
    }

    private void jointBlock(String name, long image, long text, long imageTokens, boolean contextPreOnly) {
        int d = spec.hiddenSize();
        modulation(name + ".norm1", 6);
        modulation(name + ".norm1_context", contextPreOnly ? 2 : 6);
        g.norm(name + ".norm1.norm", image, d, false);
        g.modulate(name + ".norm1.modulate", image * d, 2);
        g.norm(name + ".norm1_context.norm", text, d, false);
        g.modulate(name + ".norm1_context.modulate", text * d, 2);
        for (String proj : new String[] {"to_q", "to_k", "to_v"}) {
            g.linear(name + ".attn." + proj, LayerKind.ATTENTION, OpKind.PROJECTION, image, d, d, true);
        }
        for (String proj : new String[] {"add_q_proj", "add_k_proj", "add_v_proj"}) {
            g.linear(name + ".attn." + proj, LayerKind.ATTENTION, OpKind.PROJECTION, text, d, d, true);
        }
        long joint = imageTokens + spec.textTokens();
        queryKeyNorms(name + ".attn", image, "norm_q", "norm_k");
        queryKeyNorms(name + ".attn", text, "norm_added_q", "norm_added_k");
        rotary(name + ".attn", image + text);
        g.attention(name + ".attn", batch, spec.heads(), joint, joint, spec.headDim());
        g.linear(name + ".attn.to_out", LayerKind.ATTENTION, OpKind.PROJECTION, image, d, d, true);
        stream(name, "", image);
        if (!contextPreOnly) {
            g.linear(name + ".attn.to_add_out", LayerKind.ATTENTION, OpKind.PROJECTION, text, d, d, true);
            stream(name, "_context", text);
        }
    }

    /** Gate + residual, LayerNorm + modulation, GELU(tanh) feed-forward D → 4D → D, gate + residual. */
    private void stream(String name, String suffix, long rows) {
        int d = spec.hiddenSize();
        g.modulate(name + ".gate_msa" + suffix, rows * d, 1);
        g.add(name + ".attn_residual" + suffix, rows * d);
        g.norm(name + ".norm2" + suffix, rows, d, false);
        g.modulate(name + ".norm2_modulate" + suffix, rows * d, 2);
        g.linear(name + ".ff" + suffix + ".net.0.proj", LayerKind.FFN, OpKind.MLP, rows, d, 4L * d, true);
        g.activation(name + ".ff" + suffix + ".gelu", rows * 4L * d);
        g.linear(name + ".ff" + suffix + ".net.2", LayerKind.FFN, OpKind.MLP, rows, 4L * d, d, true);
        g.modulate(name + ".gate_mlp" + suffix, rows * d, 1);
        g.add(name + ".ff_residual" + suffix, rows * d);
    }

    /** FluxSingleTransformerBlock: one modulation of 3 vectors, attention and a 4D MLP side by side. */
    private void singleBlock(String name, long rows, long tokens) {
        int d = spec.hiddenSize();
        modulation(name + ".norm", 3);
        g.norm(name + ".norm.norm", rows, d, false);
        g.modulate(name + ".norm.modulate", rows * d, 2);
        g.linear(name + ".proj_mlp", LayerKind.FFN, OpKind.MLP, rows, d, 4L * d, true);
        g.activation(name + ".act_mlp", rows * 4L * d);
        for (String proj : new String[] {"to_q", "to_k", "to_v"}) {
            g.linear(name + ".attn." + proj, LayerKind.ATTENTION, OpKind.PROJECTION, rows, d, d, true);
        }
        queryKeyNorms(name + ".attn", rows, "norm_q", "norm_k");
        rotary(name + ".attn", rows);
        g.attention(name + ".attn", batch, spec.heads(), tokens, tokens, spec.headDim());
        g.linear(name + ".proj_out", LayerKind.FFN, OpKind.MLP, rows, 5L * d, d, true);
        g.modulate(name + ".gate", rows * d, 1);
        g.add(name + ".residual", rows * d);
    }

    private void queryKeyNorms(String name, long rows, String query, String key) {
        if (spec.qkNorm()) {
            g.rmsNorm(name + "." + query, rows * spec.heads(), spec.headDim());
            g.rmsNorm(name + "." + key, rows * spec.heads(), spec.headDim());
        }
    }

    private void rotary(String name, long rows) {
        if (spec.variant() == MmditSpec.Variant.FLUX) {
            g.modulate(name + ".rotary", 2 * rows * spec.hiddenSize(), 3);
        }
    }
}
