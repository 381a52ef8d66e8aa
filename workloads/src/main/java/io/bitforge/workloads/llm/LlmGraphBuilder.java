package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.workloads.quant.QuantConfig;

import java.util.ArrayList;
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
 *       chosen expert.</li>
 * </ul>
 */
public final class LlmGraphBuilder {
    public static final String K_PROJ = "k_proj";
    public static final String V_PROJ = "v_proj";

    private final ModelConfig model;
    private final ModelStructure structure;
    private final QuantConfig quant;
    private final LlmOptions options;

    public LlmGraphBuilder(ModelConfig model, QuantConfig quant, LlmOptions options) {
        this.model = model;
        this.structure = new ModelStructure(model);
        this.quant = quant;
        this.options = options;
    }

    /**
     * The most tokens (or layer steps) one phase may count: 2^40 leaves room in a long for tokens times hidden
     * size times bits (a product past it wrapped to a negative element count).
     */
    public static final long MAX_TOKENS = 1L << 40;

    /**
     * Decode steps one graph may hold: measured 100,000 steps of Llama-2-7B in about 15 s on a shared 2-core machine,
     * so this bound keeps a run to about a minute.
     */
    public static final long MAX_DECODE_STEPS = 400_000;

    private static void requireCountable(String what, long a, long b) {
        double product = (double) a * b;
        if (product > MAX_TOKENS) {
            throw new BadInputException(String.format(java.util.Locale.ROOT, "%s = %d x %d = %.3g: must be at most "
                    + "2^40 (%.3g), the most tokens BitForge counts exactly", what, a, b, product, (double) MAX_TOKENS));
        }
    }

    /** Prefill: {@code batch} sequences of {@code prompt} tokens; produces one token per sequence. */
    public PhaseGraph prefill(long batch, long prompt) {
        requirePositive("batch", batch);
        requirePositive("prompt", prompt);
        requireCountable("batch x prompt", batch, prompt);
        long rows = batch * prompt;
        long layers = model.layers();
        Emitter out = new Emitter();
        embedding(out, rows, 1);
        for (LayerPart part : LayerPart.values()) {
            if (part == LayerPart.ATTENTION_CORE) {
                prefillAttention(out, batch, prompt, layers);
            } else {
                layerPart(out, part, rows, layers);
            }
        }
        out.vector("final_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), 1);
        lmHead(out, options.lmHeadAllTokens() ? rows : batch, 1);
        String name = model.id() + " prefill B=" + batch + " P=" + prompt + " attention="
                + options.attention().name().toLowerCase(java.util.Locale.ROOT) + " quant=" + quant.text();
        return new PhaseGraph("prefill", PhaseKind.PREFILL, new OpGraph(name, out.ops), 1, batch);
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
        if (generated > MAX_DECODE_STEPS) {
            throw new BadInputException("generate = " + generated + " decode steps: must be at most "
                    + MAX_DECODE_STEPS + " (the graph holds every step: about a minute at the measured ~7,000 "
                    + "steps/s; 10,000,000 would take about 25 min)");
        }
        requireCountable("batch x (context + generate)", batch, context + generated);
        requireCountable("layers x generate", model.layers(), generated);
        long layerSteps = model.layers() * generated;
        Emitter out = new Emitter();
        embedding(out, batch, generated);
        for (LayerPart part : LayerPart.values()) {
            if (part == LayerPart.ATTENTION_CORE) {
                decodeAttention(out, batch, context, generated);
            } else {
                layerPart(out, part, batch, layerSteps);
            }
        }
        out.vector("final_norm", OpKind.NORM, batch * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), generated);
        lmHead(out, batch, generated);
        String name = model.id() + " decode B=" + batch + " C=" + context + " T=" + generated + " kvBucket="
                + options.kvBucket() + " quant=" + quant.text();
        return new PhaseGraph("decode", PhaseKind.DECODE, new OpGraph(name, out.ops), 1, batch * generated);
    }

    /** The parts of a decoder layer in execution order; the attention core differs between phases. */
    private enum LayerPart {
        ATTENTION_IN, ATTENTION_CORE, ATTENTION_OUT, MLP
    }

    private void layerPart(Emitter out, LayerPart part, long rows, long count) {
        switch (part) {
            case ATTENTION_IN -> attentionIn(out, rows, count);
            case ATTENTION_OUT -> attentionOut(out, rows, count);
            case MLP -> mlp(out, rows, count);
            default -> throw new IllegalStateException(part.name());
        }
    }

    private void embedding(Emitter out, long rows, long count) {
        boolean learned = model.positionEmbeddingRows() > 0;
        // Gather one row per token (and add a learned position row: 1 op per element).
        out.vector("embedding", OpKind.EMBEDDING, rows * structure.hidden(), learned ? 1 : 0, 0,
                rows * structure.hidden() * (learned ? 2 : 1), count);
    }

    private void attentionIn(Emitter out, long rows, long count) {
        AttentionShape attention = model.attention();
        out.vector("attn_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                model.norm().parameters(structure.hidden()), count);
        projection(out, structure.query(), OpKind.PROJECTION, rows, count, quant.activations());
        projection(out, structure.key(), OpKind.PROJECTION, rows, count, quant.kvCache());
        projection(out, structure.value(), OpKind.PROJECTION, rows, count, quant.kvCache());
        long qkvWidth = attention.queryWidth() + 2 * attention.kvWidth();
        if (attention.qkvBias()) {
            out.vector("qkv_bias", OpKind.ELEMENTWISE, rows * qkvWidth, 1, 1, qkvWidth, count);
        }
        long rotated = (long) (attention.heads() + attention.kvHeads()) * attention.rotaryDim();
        if (rotated > 0) {
            out.vector("rotary", OpKind.ROTARY, rows * rotated, 3, 1, 0, count);
        }
    }

    private void attentionOut(Emitter out, long rows, long count) {
        AttentionShape attention = model.attention();
        if (model.subNorms()) {
            out.vector("attn_sub_norm", OpKind.NORM, rows * attention.queryWidth(), 7, 1,
                    model.norm().parameters(attention.queryWidth()), count);
        }
        projection(out, structure.output(), OpKind.PROJECTION, rows, count, quant.activations());
        if (attention.outputBias()) {
            out.vector("o_bias", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 1, structure.hidden(), count);
        }
        if (!model.parallelBlock()) {
            out.vector("attn_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 2, 0, count);
            out.vector("mlp_norm", OpKind.NORM, rows * structure.hidden(), 7, 1,
                    model.norm().parameters(structure.hidden()), count);
        }
    }

    private void mlp(Emitter out, long rows, long count) {
        MlpShape mlp = model.mlp();
        long expertRows = rows;
        long expertCount = count;
        if (mlp.isMoe()) {
            // The router follows lm_head: high precision unless lm_head is on the quantised datapath.
            boolean high = quant.lmHeadIsHighPrecision();
            Precision routerA = high ? quant.highPrecision() : quant.activations();
            Precision routerW = high ? quant.highPrecision() : quant.weights();
            out.gemm(new GemmOp("router", OpKind.ROUTER, rows, structure.hidden(), mlp.experts(), count, routerA,
                    routerW, quant.highPrecision(), BOperand.WEIGHTS, 0));
            out.vector("router_softmax", OpKind.SOFTMAX, rows * mlp.experts(), 5, 1, 0, count);
            ExpertLoad load = new ExpertLoad(rows, mlp.experts(), mlp.expertsPerToken());
            expertRows = load.rowsPerExpert();
            expertCount = count * load.activeExperts();
        }
        List<WeightTensor> projections = structure.mlpProjections();
        long intermediate = structure.intermediate();
        for (int i = 0; i < projections.size(); i++) {
            WeightTensor projection = projections.get(i);
            boolean last = i == projections.size() - 1;
            if (last) {
                boolean gated = mlp.kind() == MlpKind.GATED;
                out.vector(mlp.isMoe() ? "expert_act" : "mlp_act", OpKind.ACTIVATION, expertRows * intermediate,
                        gated ? 3 : 2, gated ? 2 : 1, 0, expertCount);
                if (model.subNorms()) {
                    out.vector("ffn_sub_norm", OpKind.NORM, expertRows * intermediate, 7, 1,
                            model.norm().parameters(intermediate), expertCount);
                }
            }
            projection(out, projection, OpKind.MLP, expertRows, expertCount, quant.activations());
            if (mlp.bias()) {
                out.vector(projection.name() + "_bias", OpKind.ELEMENTWISE, expertRows * projection.cols(), 1, 1,
                        projection.cols(), expertCount);
            }
        }
        if (mlp.isMoe()) {
            // Each token sums its k expert outputs weighted by the router: a multiply and an add per element each.
            out.vector("expert_combine", OpKind.ELEMENTWISE, rows * structure.hidden(), 2.0 * mlp.expertsPerToken(),
                    mlp.expertsPerToken(), 0, count);
        }
        if (model.parallelBlock()) {
            // x + attention(x) + mlp(x): two adds per element, three inputs.
            out.vector("residual_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 2, 3, 0, count);
        } else {
            out.vector("mlp_add", OpKind.ELEMENTWISE, rows * structure.hidden(), 1, 2, 0, count);
        }
    }

    private void prefillAttention(Emitter out, long batch, long prompt, long layers) {
        AttentionShape attention = model.attention();
        long group = attention.groupSize();
        long instances = batch * attention.kvHeads() * layers;
        List<long[]> blocks = new ArrayList<>();
        if (options.attention() == AttentionCounting.FULL) {
            blocks.add(new long[] {prompt, prompt});
        } else {
            long block = options.causalBlock();
            for (long first = 0; first < prompt; first += block) {
                long rowsInBlock = Math.min(block, prompt - first);
                blocks.add(new long[] {rowsInBlock, first + rowsInBlock});
            }
        }
        boolean single = blocks.size() == 1;
        long scoreElements = 0;
        for (long[] block : blocks) {
            String suffix = single ? "" : "[rows " + (block[1] - block[0] + 1) + ".." + block[1] + "]";
            out.gemm(new GemmOp("qk_matmul" + suffix, OpKind.ATTENTION_SCORE, group * block[0],
                    attention.headDim(), block[1], instances, quant.activations(), quant.kvCache(),
                    quant.highPrecision(), BOperand.ACTIVATIONS, 0));
            scoreElements += block[0] * block[1];
        }
        out.vector("softmax", OpKind.SOFTMAX, attention.heads() * scoreElements, 5, 1, 0, batch * layers);
        for (long[] block : blocks) {
            String suffix = single ? "" : "[rows " + (block[1] - block[0] + 1) + ".." + block[1] + "]";
            out.gemm(new GemmOp("sv_matmul" + suffix, OpKind.ATTENTION_CONTEXT, group * block[0], block[1],
                    attention.headDim(), instances, quant.activations(), quant.kvCache(), quant.activations(),
                    BOperand.ACTIVATIONS, 0));
        }
    }

    private void decodeAttention(Emitter out, long batch, long context, long generated) {
        AttentionShape attention = model.attention();
        long group = attention.groupSize();
        long perStep = batch * attention.kvHeads() * model.layers();
        DecodeAttention growth = new DecodeAttention(context, generated, options.kvBucket());
        List<DecodeAttention.Bucket> buckets = growth.buckets();
        for (DecodeAttention.Bucket bucket : buckets) {
            out.gemm(new GemmOp("qk_matmul" + keysLabel(bucket, buckets.size()), OpKind.ATTENTION_SCORE, group,
                    attention.headDim(), bucket.keys(), perStep * bucket.steps(), quant.activations(),
                    quant.kvCache(), quant.highPrecision(), BOperand.KV_CACHE, 0));
        }
        // Softmax cost is linear in its elements, so one op carries the exact closed-form total.
        out.vector("softmax", OpKind.SOFTMAX, attention.heads() * growth.exactKeys(), 5, 1, 0,
                batch * model.layers());
        for (DecodeAttention.Bucket bucket : buckets) {
            out.gemm(new GemmOp("sv_matmul" + keysLabel(bucket, buckets.size()), OpKind.ATTENTION_CONTEXT, group,
                    bucket.keys(), attention.headDim(), perStep * bucket.steps(), quant.activations(),
                    quant.kvCache(), quant.activations(), BOperand.KV_CACHE, 0));
        }
    }

    private static String keysLabel(DecodeAttention.Bucket bucket, int buckets) {
        return buckets == 1 && bucket.firstKeys() == bucket.lastKeys() ? ""
                : "[keys " + bucket.firstKeys() + ".." + bucket.lastKeys() + "]";
    }

    private void lmHead(Emitter out, long rows, long count) {
        WeightTensor head = structure.lmHead();
        boolean high = quant.lmHeadIsHighPrecision();
        Precision activations = high ? quant.highPrecision() : quant.activations();
        out.gemm(new GemmOp("lm_head", OpKind.LM_HEAD, rows, head.rows(), head.cols(), count, activations,
                quant.lmHead(), quant.highPrecision(), BOperand.WEIGHTS, high ? 0 : quant.weightGroupSize()));
        if (model.lmHeadBias()) {
            out.vector("lm_head_bias", OpKind.ELEMENTWISE, rows * head.cols(), 1, 1, head.cols(), count);
        }
    }

    /**
     * A weight GEMM at the configured precisions; with an outlier fraction f, ceil(f·K) input features run as a
     * second GEMM in high precision (LLM.int8()'s mixed-precision decomposition).
     */
    private void projection(Emitter out, WeightTensor weight, OpKind kind, long rows, long count, Precision outputs) {
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

    /** Collects ops in order; vector ops run at the quantisation config's high precision. */
    private final class Emitter {
        private final List<Op> ops = new ArrayList<>();

        void gemm(GemmOp op) {
            ops.add(op);
        }

        void vector(String name, OpKind kind, long elements, double opsPerElement, int inputs, long parameters,
                    long count) {
            ops.add(new VectorOp(name, kind, elements, opsPerElement, inputs, parameters, count,
                    quant.highPrecision()));
        }
    }
}
