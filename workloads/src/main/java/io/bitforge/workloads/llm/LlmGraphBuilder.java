package io.bitforge.workloads.llm;

import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.List;

/**
 * Builds the op graphs of a decoder-only transformer for prefill and decode. Every GEMM's weight shape comes
 * from {@link ModelStructure}. Conventions (LLM-Viewer, hahnyuan/LLM-Viewer 472f71f, {@code model_analyzer.py},
 * where sound):
 * <ul>
 *   <li>ops per element on the vector unit: softmax 5, norm 7, residual add 1, activation 2 (LLM-Viewer);
 *       differences: the activation runs over the intermediate size (LLM-Viewer uses the hidden size), a gated
 *       MLP adds 1 op per element for the gate product (3 in all) and reads 2 inputs, a residual add reads both
 *       of its inputs, norm weights and biases are read as parameters, rotary is 3 ops per rotated element
 *       (x·cos + rotate_half(x)·sin), a bias add 1;</li>
 *   <li>a multiply-add is 2 ops everywhere, lm_head included (LLM-Viewer counts lm_head at 1);</li>
 *   <li>attention GEMMs group the query heads that share a KV head (GQA): M = group × rows, one instance per
 *       sequence and KV head, so each K/V head is read once per group;</li>
 *   <li>prefill attention is the full prompt × prompt rectangle unless {@link AttentionCounting#CAUSAL};</li>
 *   <li>decode covers every generated token; attention grows with the cache, grouped in closed form by
 *       {@link DecodeAttention};</li>
 *   <li>K/V projections write their outputs at the KV cache's precision; attention reads K/V at it; score outputs
 *       are at high precision (softmax's input);</li>
 *   <li>prefill's final norm runs on every token (as transformers does), lm_head on the last token of each
 *       sequence unless {@code lmHead=all};</li>
 *   <li>mixture of experts: the router (at lm_head's precision) and top-k softmax run on every token; expert
 *       GEMMs on the expected active experts ({@link ExpertLoad}); the weighted combine is 2 ops per element per
 *       chosen expert; DeepSeek's shared experts run on every token of a MoE layer and its first dense layers
 *       run a dense MLP;</li>
 *   <li>a fused QKV weight (Phi-3, Falcon, GPT-2) still runs as Q, K and V GEMMs here: the same MACs and weight
 *       bytes, and the K/V outputs stay identifiable as KV-cache writes; a fused gate/up weight runs as one GEMM;</li>
 *   <li>QK-norm (Qwen3) is a norm over every query and key head; sandwich norms (Gemma 2) are two more norms per
 *       layer; a final logit soft-cap is 3 ops per logit; the attention core (windows, MLA, sinks, score
 *       soft-cap) is {@link AttentionCoreOps}.</li>
 * </ul>
 */
public final class LlmGraphBuilder {
    public static final String K_PROJ = "k_proj";
    public static final String V_PROJ = "v_proj";
    /** Multi-head latent attention's joint KV compression, whose output is the cache. */
    public static final String KV_PROJ = "kv_proj";

    private final ModelConfig model;
    private final ModelStructure structure;
    private final QuantConfig quant;
    private final LlmOptions options;
    private final AttentionCoreOps core;

    public LlmGraphBuilder(ModelConfig model, QuantConfig quant, LlmOptions options) {
        this.model = model;
        this.structure = new ModelStructure(model);
        this.quant = quant;
        this.options = options;
        this.core = new AttentionCoreOps(model, quant, options);
    }

    /** Prefill: {@code batch} sequences of {@code prompt} tokens; produces one token per sequence. */
    public PhaseGraph prefill(long batch, long prompt) {
        requirePositive("batch", batch);
        requirePositive("prompt", prompt);
        long rows = batch * prompt;
        long layers = model.layers();
        OpEmitter out = new OpEmitter(quant.highPrecision());
        embedding(out, rows, 1);
        attentionIn(out, rows, layers, false);
        core.prefill(out, batch, prompt);
        attentionOut(out, rows, layers, false);
        mlp(out, rows, 1);
        out.vector("final_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), 1);
        lmHead(out, options.lmHeadAllTokens() ? rows : batch, 1);
        String name = model.id() + " prefill B=" + batch + " P=" + prompt + " attention="
                + options.attention().name().toLowerCase(java.util.Locale.ROOT) + " quant=" + quant.text();
        return new PhaseGraph("prefill", PhaseKind.PREFILL, new OpGraph(name, out.ops()), 1, batch);
    }

    /**
     * Decode: {@code batch} sequences, each with {@code context} tokens already cached, generating
     * {@code generated} tokens one step at a time; the graph holds all steps.
     */
    public PhaseGraph decode(long batch, long context, long generated) {
        requirePositive("batch", batch);
        requirePositive("generate", generated);
        if (context < 0) {
            throw new IllegalArgumentException("context must be >= 0, got " + context);
        }
        long layerSteps = model.layers() * generated;
        OpEmitter out = new OpEmitter(quant.highPrecision());
        embedding(out, batch, generated);
        attentionIn(out, batch, layerSteps, true);
        core.decode(out, batch, context, generated);
        attentionOut(out, batch, layerSteps, true);
        mlp(out, batch, generated);
        out.vector("final_norm", OpKind.NORM, batch * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), generated);
        lmHead(out, batch, generated);
        String name = model.id() + " decode B=" + batch + " C=" + context + " T=" + generated + " kvBucket="
                + options.kvBucket() + " quant=" + quant.text();
        return new PhaseGraph("decode", PhaseKind.DECODE, new OpGraph(name, out.ops()), 1, batch * generated);
    }

    /**
     * One speculative verification pass: {@code batch} sequences with {@code context} cached tokens each run
     * {@code queries} candidate tokens through every layer at once (a decode step with T query rows, the
     * absorbed form for latent attention) and lm_head on every candidate, whose logits decide acceptance.
     */
    public PhaseGraph verify(long batch, long context, long queries) {
        requirePositive("batch", batch);
        requirePositive("queries", queries);
        if (context < 0) {
            throw new IllegalArgumentException("context must be >= 0, got " + context);
        }
        long rows = batch * queries;
        long layers = model.layers();
        OpEmitter out = new OpEmitter(quant.highPrecision());
        embedding(out, rows, 1);
        attentionIn(out, rows, layers, true);
        core.verify(out, batch, context, queries);
        attentionOut(out, rows, layers, true);
        mlp(out, rows, 1);
        out.vector("final_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), 1);
        lmHead(out, rows, 1);
        String name = model.id() + " verify B=" + batch + " C=" + context + " T=" + queries + " quant=" + quant.text();
        return new PhaseGraph("verify", PhaseKind.DECODE, new OpGraph(name, out.ops()), 1, batch);
    }

    private void embedding(OpEmitter out, long rows, long count) {
        boolean learned = model.positionEmbeddingRows() > 0;
        // Gather one row per token (and add a learned position row: 1 op per element).
        out.vector("embedding", OpKind.EMBEDDING, rows * structure.hidden(), learned ? 1 : 0, 0,
                rows * structure.hidden() * (learned ? 2 : 1), count);
    }

    private void attentionIn(OpEmitter out, long rows, long count, boolean decode) {
        AttentionShape attention = model.attention();
        out.vector("attn_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), count);
        if (attention.isLatent()) {
            latentIn(out, rows, count, decode);
            return;
        }
        projection(out, structure.query(), OpKind.PROJECTION, rows, count, quant.activations());
        projection(out, structure.key(), OpKind.PROJECTION, rows, count, quant.kvCache());
        projection(out, structure.value(), OpKind.PROJECTION, rows, count, quant.kvCache());
        long qkvWidth = attention.queryWidth() + 2 * attention.kvWidth();
        if (attention.qkvBias()) {
            out.vector("qkv_bias", OpKind.ELEMENTWISE, rows * qkvWidth, 1, 1, qkvWidth, count);
        }
        if (attention.qkNorm()) {
            out.vector("qk_norm", OpKind.NORM, rows * (attention.queryWidth() + attention.kvWidth()), 7, 1,
                    2 * model.norm().parameters(attention.headDim()), count);
        }
        long rotated = (long) (attention.heads() + attention.kvHeads()) * attention.rotaryDim();
        if (rotated > 0) {
            out.vector("rotary", OpKind.ROTARY, rows * rotated, 3, 1, 0, count);
        }
    }

    /**
     * Multi-head latent attention's inputs: the query (direct or through its compression and norm), the joint KV
     * compression whose output is the cache ({@code kv_proj}: latent + shared rotary key), the latent's norm and
     * rotary on every query head and the one shared key. Prefill expands the latent to per-head keys and values
     * ({@code kv_b_proj}); decode instead folds the key half of {@code kv_b_proj} into each head's query
     * ({@code q_absorb}) and applies the value half after attention ({@code v_absorb}).
     */
    private void latentIn(OpEmitter out, long rows, long count, boolean decode) {
        AttentionShape attention = model.attention();
        LatentAttention mla = attention.latent();
        for (WeightTensor weight : structure.attentionProjections()) {
            switch (weight.name()) {
                case "kv_a_proj_with_mqa" -> {
                    projection(out, new WeightTensor(KV_PROJ, weight.rows(), weight.cols(), weight.copies()),
                            OpKind.PROJECTION, rows, count, quant.kvCache());
                    out.vector("kv_a_norm", OpKind.NORM, rows * mla.kvLoraRank(), 7, 1,
                            model.norm().parameters(mla.kvLoraRank()), count);
                }
                case "kv_b_proj" -> {
                    if (!decode) {
                        projection(out, weight, OpKind.PROJECTION, rows, count, quant.activations());
                    }
                }
                default -> {
                    projection(out, weight, OpKind.PROJECTION, rows, count, quant.activations());
                    if (weight.name().equals("q_a_proj")) {
                        out.vector("q_a_norm", OpKind.NORM, rows * mla.qLoraRank(), 7, 1,
                                model.norm().parameters(mla.qLoraRank()), count);
                    }
                }
            }
        }
        out.vector("rotary", OpKind.ROTARY, rows * (attention.heads() + 1L) * mla.ropeHeadDim(), 3, 1, 0, count);
        if (decode) {
            projection(out, new WeightTensor("q_absorb", mla.nopeHeadDim(), mla.kvLoraRank(), 1), OpKind.PROJECTION,
                    rows, count * attention.heads(), quant.activations());
        }
    }

    private void attentionOut(OpEmitter out, long rows, long count, boolean decode) {
        AttentionShape attention = model.attention();
        if (decode && attention.isLatent()) {
            LatentAttention mla = attention.latent();
            projection(out, new WeightTensor("v_absorb", mla.kvLoraRank(), mla.valueHeadDim(), 1), OpKind.PROJECTION,
                    rows, count * attention.heads(), quant.activations());
        }
        if (model.subNorms()) {
            out.vector("attn_sub_norm", OpKind.NORM, rows * attention.queryWidth(), 7, 1,
                    model.norm().parameters(attention.queryWidth()), count);
        }
        projection(out, structure.output(), OpKind.PROJECTION, rows, count, quant.activations());
        if (attention.outputBias()) {
            out.vector("o_bias", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 1, structure.hidden(), count);
        }
        if (model.sandwichNorms()) {
            out.vector("attn_output_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                    model.norm().parameters(structure.hidden()), count);
        }
        if (!model.parallelBlock()) {
            out.vector("attn_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 2, 0, count);
            out.vector("mlp_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                    model.norm().parameters(structure.hidden()), count);
        }
    }

    /** The MLP of every layer for {@code rows} rows, {@code steps} times (decode steps; 1 for prefill). */
    private void mlp(OpEmitter out, long rows, long steps) {
        MlpShape mlp = model.mlp();
        long count = steps * model.layers();
        if (!mlp.isMoe()) {
            feedForward(out, structure.mlpProjections(), "mlp_act", rows, count);
        } else {
            if (mlp.denseLayers() > 0) {
                feedForward(out, structure.denseLayerProjections(), "dense_act", rows, steps * mlp.denseLayers());
            }
            if (model.moeLayers() > 0) {
                experts(out, rows, steps * model.moeLayers());
            }
        }
        if (model.sandwichNorms()) {
            out.vector("mlp_output_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                    model.norm().parameters(structure.hidden()), count);
        }
        if (model.parallelBlock()) {
            // x + attention(x) + mlp(x): two adds per element, three inputs.
            out.vector("residual_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 2, 3, 0, count);
        } else {
            out.vector("mlp_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 2, 0, count);
        }
    }

    /** The mixture-of-experts layers: router, the expected active experts, shared experts, weighted combine. */
    private void experts(OpEmitter out, long rows, long count) {
        MlpShape mlp = model.mlp();
        // The router follows lm_head: high precision unless lm_head is on the quantised datapath.
        boolean high = quant.lmHeadIsHighPrecision();
        Precision routerA = high ? quant.highPrecision() : quant.activations();
        Precision routerW = high ? quant.highPrecision() : quant.weights();
        out.gemm(new GemmOp("router", OpKind.ROUTER, rows, structure.hidden(), mlp.experts(), count, routerA,
                routerW, quant.highPrecision(), BOperand.WEIGHTS, 0));
        if (mlp.routerBias()) {
            out.vector("router_bias", OpKind.ELEMENTWISE, rows * mlp.experts(), 1, 1, mlp.experts(), count);
        }
        out.vector("router_softmax", OpKind.SOFTMAX, rows * mlp.experts(), 5, 1, 0, count);
        ExpertLoad load = new ExpertLoad(rows, mlp.experts(), mlp.expertsPerToken());
        feedForward(out, structure.mlpProjections(), "expert_act", load.rowsPerExpert(),
                count * load.activeExperts());
        if (mlp.sharedIntermediate() > 0) {
            feedForward(out, structure.sharedExpertProjections(), "shared_act", rows, count);
        }
        // Each token sums its k expert outputs weighted by the router: a multiply and an add per element each.
        out.vector("expert_combine", OpKind.ELEMENTWISE, rows * structure.hidden(), 2.0 * mlp.expertsPerToken(),
                mlp.expertsPerToken(), 0, count);
    }

    /** One MLP's projections in order, the activation (and BitNet's sub-norm) before the last, biases after each. */
    private void feedForward(OpEmitter out, List<WeightTensor> projections, String activationName, long rows,
                             long count) {
        MlpShape mlp = model.mlp();
        for (int i = 0; i < projections.size(); i++) {
            WeightTensor projection = projections.get(i);
            if (i == projections.size() - 1) {
                long intermediate = projection.rows();
                boolean gated = mlp.kind() == MlpKind.GATED;
                out.vector(activationName, OpKind.ACTIVATION, rows * intermediate, gated ? 3 : 2, gated ? 2 : 1, 0,
                        count);
                if (model.subNorms()) {
                    out.vector("ffn_sub_norm", OpKind.NORM, rows * intermediate, 7, 1,
                            model.norm().parameters(intermediate), count);
                }
            }
            projection(out, projection, OpKind.MLP, rows, count, quant.activations());
            if (mlp.bias()) {
                out.vector(projection.name() + "_bias", OpKind.ELEMENTWISE, rows * projection.cols(), 1, 1,
                        projection.cols(), count);
            }
        }
    }

    private void lmHead(OpEmitter out, long rows, long count) {
        WeightTensor head = structure.lmHead();
        boolean high = quant.lmHeadIsHighPrecision();
        Precision activations = high ? quant.highPrecision() : quant.activations();
        out.gemm(new GemmOp("lm_head", OpKind.LM_HEAD, rows, head.rows(), head.cols(), count, activations,
                quant.lmHead(), quant.highPrecision(), BOperand.WEIGHTS, high ? 0 : quant.weightGroupSize()));
        if (model.lmHeadBias()) {
            out.vector("lm_head_bias", OpKind.ELEMENTWISE, rows * head.cols(), 1, 1, head.cols(), count);
        }
        if (model.finalLogitSoftcap() > 0) {
            out.vector("logit_softcap", OpKind.ELEMENTWISE, rows * head.cols(), 3, 1, 0, count);
        }
    }

    /**
     * A weight GEMM at the configured precisions; with an outlier fraction f, ceil(f·K) input features run as a
     * second GEMM in high precision (LLM.int8()'s mixed-precision decomposition).
     */
    private void projection(OpEmitter out, WeightTensor weight, OpKind kind, long rows, long count, Precision outputs) {
        long k = weight.rows();
        long outlierK = (long) Math.ceil(quant.outlierFraction() * k);
        if (outlierK > 0 && outlierK < k) {
            Precision high = quant.highPrecision();
            out.gemm(new GemmOp(weight.name(), kind, rows, k - outlierK, weight.cols(), count, quant.activations(),
                    quant.weights(), outputs, BOperand.WEIGHTS, quant.weightGroupSize()));
            out.gemm(new GemmOp(weight.name() + ".outliers", kind, rows, outlierK, weight.cols(), count, high, high,
                    outputs, BOperand.WEIGHTS, 0));
            return;
        }
        out.gemm(new GemmOp(weight.name(), kind, rows, k, weight.cols(), count, quant.activations(), quant.weights(),
                outputs, BOperand.WEIGHTS, quant.weightGroupSize()));
    }

    private static void requirePositive(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be >= 1, got " + value);
        }
    }
}
