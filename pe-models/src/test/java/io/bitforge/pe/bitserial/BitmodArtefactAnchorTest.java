package io.bitforge.pe.bitserial;

import io.bitforge.core.cost.CostReport;
import io.bitforge.core.engine.Engine;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.spec.CycleModel;
import io.bitforge.core.spec.HardwareSpec;
import io.bitforge.core.spec.HardwareSpecLoader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * BitMoD's artefact cycle model through the engine's {@code layer-overlap} option. The anchor: Llama-2-7B prefill at
 * context 256 on the FP16 baseline (32×24 array of FP16 MAC PEs) takes 3,156,574,208 cycles in
 * yc2367/BitMoD-HPCA-25 {@code bitmod_sim} (published in the reference README). The layer list is the artefact's:
 * every nn.Linear of the model including lm_head, plus two FP16 attention GEMMs per decoder layer with the
 * artefact's shapes. Llama-2-7B: hidden 4096, intermediate 11008, 32 layers, 32 heads (no GQA), vocabulary 32000
 * (meta-llama/Llama-2-7b-hf config.json).
 */
class BitmodArtefactAnchorTest {
    private static final long ANCHOR_CYCLES = 3_156_574_208L;
    private static final int HIDDEN = 4096;
    private static final int INTERMEDIATE = 11008;
    private static final int LAYERS = 32;
    private static final int HEADS = 32;
    private static final int VOCAB = 32000;
    private static final int CONTEXT = 256;

    private final Registry registry = Registry.load();

    /** One artefact layer: weight [cout, cin], tokens, the input width the artefact charges, weight bits. */
    private record Layer(String name, OpKind kind, long count, long cout, long cin, long tokens, long inputWidth,
                         int weightBits, int group) {
        GemmOp op(Precision weights) {
            return new GemmOp(name, kind, tokens, cin, cout, count, Precision.FP16, weights, Precision.FP16,
                    kind == OpKind.ATTENTION_SCORE || kind == OpKind.ATTENTION_CONTEXT ? BOperand.KV_CACHE
                            : BOperand.WEIGHTS, group);
        }
    }

    /** The artefact's prefill layer list (bitmod_sim pe_array.py _init_model_profiler, 2-D shapes). */
    private static List<Layer> prefillLayers(int weightBits, int group) {
        List<Layer> layers = new ArrayList<>();
        for (String projection : new String[] {"q", "k", "v", "o"}) {
            layers.add(new Layer(projection + "_proj", OpKind.PROJECTION, LAYERS, HIDDEN, HIDDEN, CONTEXT, HIDDEN,
                    weightBits, group));
        }
        layers.add(new Layer("gate_proj", OpKind.MLP, LAYERS, INTERMEDIATE, HIDDEN, CONTEXT, HIDDEN, weightBits,
                group));
        layers.add(new Layer("up_proj", OpKind.MLP, LAYERS, INTERMEDIATE, HIDDEN, CONTEXT, HIDDEN, weightBits,
                group));
        layers.add(new Layer("down_proj", OpKind.MLP, LAYERS, HIDDEN, INTERMEDIATE, CONTEXT, INTERMEDIATE,
                weightBits, group));
        layers.add(new Layer("lm_head", OpKind.LM_HEAD, 1, VOCAB, HIDDEN, CONTEXT, HIDDEN, weightBits, group));
        // attn_qk: "weight" [ctx, hidden] (the queries), tokens heads·ctx, input width hidden·kv/heads = hidden
        layers.add(new Layer("attn_qk", OpKind.ATTENTION_SCORE, LAYERS, CONTEXT, HIDDEN, (long) HEADS * CONTEXT,
                HIDDEN, 16, 0));
        // attn_v: "weight" [heads·ctx, ctx] (the scores), tokens ctx, input width hidden
        layers.add(new Layer("attn_v", OpKind.ATTENTION_CONTEXT, LAYERS, (long) HEADS * CONTEXT, CONTEXT, CONTEXT,
                HIDDEN, 16, 0));
        return layers;
    }

    @Test
    void llama2PrefillOnTheFp16BaselineMatchesTheArtefact() {
        HardwareSpec baseline = new HardwareSpecLoader(registry).resolve("fp16-baseline", "--hw");
        HardwareSpec spec = baseline.withMapping(baseline.mapping().withCycleModel(CycleModel.LAYER_OVERLAP));
        List<GemmOp> ops = prefillLayers(16, 0).stream().map(l -> l.op(Precision.FP16)).toList();
        CostReport cost = Engine.of(spec, registry).evaluate(new OpGraph("llama-2-7b-prefill", List.<Op>copyOf(ops)));
        assertEquals(ANCHOR_CYCLES, cost.totalCycles());
        // The same figure from this test's own implementation of the artefact's formulas.
        assertEquals(ANCHOR_CYCLES, independentTotal(prefillLayers(16, 0), 1, 32, 24, 1, 16));
    }

    @Test
    void engineAndIndependentModelAgreeOnBitmodDesigns() {
        // BitMoD W4 (4.0625 bits with metadata), 4-lane PEs, 2 cycles per step, 32x32: the engine must agree with
        // the independent implementation.
        HardwareSpec prefill = new HardwareSpecLoader(registry).resolve("bitmod-prefill", "--hw");
        HardwareSpec spec = prefill.withMapping(prefill.mapping().withCycleModel(CycleModel.LAYER_OVERLAP));
        Precision w4 = new Precision("bitmod-mix4", 4);
        List<Layer> layers = prefillLayers(4, 128);
        // attention stays FP16 (8 cycles per step on the bit-serial PE); the artefact's older model charged every
        // layer the weight latency, so compare the linear layers only
        List<Layer> linear = layers.stream().filter(l -> l.weightBits() == 4).toList();
        CostReport cost = Engine.of(spec, registry).evaluate(new OpGraph("linear", List.<Op>copyOf(
                linear.stream().map(l -> l.op(w4)).toList())));
        assertEquals(independentTotal(linear, 4, 32, 32, 2, 16), cost.totalCycles());
        // q_proj by hand: tiles ceil(4096/4)·ceil(4096/32)·ceil(256/32) = 1024·128·8 = 1,048,576, x2 cycles =
        // 2,097,152. DRAM: weights ceil(4096·4.0625/8)·4096 = 8,519,680 B, inputs 4096·2·256 = 2,097,152 B,
        // outputs 2,097,152 B; both exceed 512 KiB: weights 4x (36,175,872) beats inputs 17x (44,171,264), so
        // 8·(4·8,519,680 + 2·2,097,152)/256 = 1,196,032 < 2,097,152: compute-bound.
        assertEquals(2_097_152L * LAYERS, independentTotal(linear.subList(0, 1), 4, 32, 32, 2, 16));
        assertEquals(2_097_152L * LAYERS, Engine.of(spec, registry).evaluate(linear.get(0).op(w4)).cost()
                .totalCycles());
    }

    /**
     * The artefact's per-layer formula, written out again (bitmod_sim/accelerator.py): tiles, compute, bytes with
     * w_prec = bits + 8/group, the 512 KiB re-fetch rule, DRAM cycles = bits / (128-bit DDR bus = 256 bits per
     * cycle) truncated, layer = max; layers summed. Uses the artefact's own input width for attention.
     */
    private static long independentTotal(List<Layer> layers, int dotProduct, int rows, int cols, int latency,
                                         int activationBits) {
        long buffer = 512 * 1024;
        long total = 0;
        for (Layer l : layers) {
            long tiles = ceil(l.cin(), dotProduct) * ceil(l.cout(), rows) * ceil(l.tokens(), cols);
            long compute = tiles * latency;
            // weight bits per element as a fraction: bits + 8/group, i.e. (bits·group + 8)/group
            long numerator = l.group() == 0 ? (long) l.weightBits() : (long) l.weightBits() * l.group() + 8;
            long denominator = l.group() == 0 ? 1 : l.group();
            long weightBytes = ceil(l.cin() * numerator, 8 * denominator) * l.cout();
            long inputBytes = ceil(l.inputWidth() * activationBits, 8) * l.tokens();
            long outputBytes = ceil(l.cout() * activationBits, 8) * l.tokens();
            long fetchWeights = 1;
            long fetchInputs = 1;
            if (weightBytes > buffer && inputBytes > buffer) {
                long inputTimes = ceil(weightBytes, buffer);
                long weightTimes = ceil(inputBytes, buffer);
                if (weightTimes * weightBytes + inputBytes < inputTimes * inputBytes + weightBytes) {
                    fetchWeights = weightTimes;
                } else {
                    fetchInputs = inputTimes;
                }
            }
            long dram = (weightBytes * 8 * fetchWeights + outputBytes * 8 + inputBytes * 8 * fetchInputs) / 256;
            total += Math.max(compute, dram) * l.count();
        }
        return total;
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
