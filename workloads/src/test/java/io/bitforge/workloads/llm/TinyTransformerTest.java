package io.bitforge.workloads.llm;

import io.bitforge.core.io.Json;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.Op;
import io.bitforge.core.workload.PhaseGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tiny Llama-style model whose every count is derived by hand: hidden 8, 2 layers, 2 query heads sharing
 * 1 KV head (head dim 4), gated MLP of 16, vocabulary 32, untied lm_head, FP16 everywhere (2 bytes).
 */
class TinyTransformerTest {
    static final ModelConfig TINY = HfConfigLoader.parse(Json.mapper().valueToTree(java.util.Map.of(
            "model_type", "llama", "hidden_size", 8, "intermediate_size", 16, "num_hidden_layers", 2,
            "num_attention_heads", 2, "num_key_value_heads", 1, "vocab_size", 32)), "tiny.json", "tiny", "tiny",
            "test");

    @Test
    void parameters() {
        // embed 32*8 = 256; per layer: 2 norms 8+8, q 8*8 = 64, k 8*4 = 32, v 32, o 64, gate/up/down 3*128
        // -> 592, x2 = 1184; final norm 8; lm_head 8*32 = 256. Total 1704.
        assertEquals(1704, new ModelStructure(TINY).parameterCount());
    }

    @Test
    void prefillOpsAndBytes() {
        PhaseGraph prefill = Graphs.builder(TINY, "W16A16KV16").prefill(1, 4);
        List<String> names = prefill.graph().ops().stream().map(Op::name).toList();
        assertEquals(List.of("embedding", "attn_norm", "q_proj", "k_proj", "v_proj", "rotary", "qk_matmul", "softmax",
                "sv_matmul", "o_proj", "attn_add", "mlp_norm", "gate_proj", "up_proj", "mlp_act", "down_proj",
                "mlp_add", "final_norm", "lm_head"), names);
        // GQA: the 2 query heads of the one KV head form M = 2 * 4 rows; one instance per sequence, KV head, layer.
        GemmOp qk = Graphs.gemm(prefill, "qk_matmul");
        assertEquals(List.of(8L, 4L, 4L, 2L), List.of(qk.m(), qk.k(), qk.n(), qk.count()));
        assertEquals(BOperand.ACTIVATIONS, qk.bOperand());
        // MACs: q 4*8*8 = 256, k 4*8*4 = 128, v 128, qk 8*4*4 = 128, sv 128, o 256, gate/up/down 4*8*16 = 512
        // each -> 2560 per layer, x2 = 5120; lm_head on the last token 1*8*32 = 256. Total 5376.
        assertEquals(5376, prefill.graph().totalMacs());
        // Vector ops: attn_norm 7*32 = 224 (x2 layers), rotary 3 * 4 tokens * (2+1) heads * 4 = 144 (x2),
        // softmax 5 * 2 heads * 4*4 = 160 (x2), attn_add 32 (x2), mlp_norm 224 (x2), mlp_act 3 * 4*16 = 192 (x2),
        // mlp_add 32 (x2) -> 1008 * 2 = 2016; final_norm 224. Total vector ops 2240, GEMM ops 2*5376 = 10752.
        assertEquals(10752 + 2240, prefill.graph().totalOps(), 1e-9);
        OpFootprint bytes = Graphs.footprint(prefill.graph());
        // Weights: q 128 B, k 64, v 64, o 128, gate/up/down 256 each = 1152 per layer, x2 = 2304; lm_head 512;
        // norm scales 16 B each: 2 per layer x 2 + final = 80; embedding rows 4 tokens * 8 * 2 B = 64. Total 2960.
        assertEquals(2960, bytes.loadWeightBytes());
        // K and V projections store 4 tokens * 4 * 2 B = 32 B each per layer: 128 into the cache.
        assertEquals(128, bytes.storeKvBytes());
        assertEquals(prefill.outputItems(), 1);
    }

    @Test
    void decodeOpsAndBytes() {
        // 4 cached tokens, 3 generated: the steps attend to 5, 6, 7 keys (sum 18), one bucket of mean 6.
        PhaseGraph decode = Graphs.builder(TINY, "W16A16KV16").decode(1, 4, 3);
        GemmOp qk = Graphs.gemm(decode, "qk_matmul[keys 5..7]");
        assertEquals(List.of(2L, 4L, 6L, 6L), List.of(qk.m(), qk.k(), qk.n(), qk.count()));
        assertEquals(BOperand.KV_CACHE, qk.bOperand());
        GemmOp q = Graphs.gemm(decode, "q_proj");
        assertEquals(List.of(1L, 8L, 8L, 6L), List.of(q.m(), q.k(), q.n(), q.count()));
        // Per step and layer: q 64, k 32, v 32, o 64, MLP 3*128 = 576 MACs -> x2 layers x3 steps = 3456;
        // lm_head 256 x3 = 768; attention: (score + context) 2 * heads 2 * 4 * keys, sum of keys 18, x2 layers
        // = 576. Total 4800.
        assertEquals(4800, decode.graph().totalMacs());
        OpFootprint bytes = Graphs.footprint(decode.graph());
        // KV cache read: K and V of 4 values * 2 B per key per layer: 16 B * 18 keys * 2 layers = 576.
        assertEquals(576, bytes.loadKvBytes());
        // KV cache written: 1 token * 4 * 2 B for K and V per layer and step: 16 * 2 * 3 = 96.
        assertEquals(96, bytes.storeKvBytes());
        assertEquals(3, decode.outputItems());
        // Softmax in closed form: heads 2 * 18 keys per sequence and layer.
        assertEquals(36, Graphs.vector(decode, "softmax").elements());
        assertEquals(2, Graphs.vector(decode, "softmax").count());
    }

    @Test
    void causalCountingSkipsTheMaskedBlocks() {
        // Prompt 6 in blocks of 4 rows: rows 1..4 see 4 keys, rows 5..6 see 6 keys.
        LlmGraphBuilder causal = new LlmGraphBuilder(TINY, io.bitforge.workloads.quant.QuantParser.parse("W16A16"),
                new LlmOptions(AttentionCounting.CAUSAL, 4, false, 32, false));
        PhaseGraph prefill = causal.prefill(1, 6);
        GemmOp first = Graphs.gemm(prefill, "qk_matmul[rows 1..4]");
        GemmOp second = Graphs.gemm(prefill, "qk_matmul[rows 5..6]");
        assertEquals(List.of(8L, 4L), List.of(first.m(), first.n()));
        assertEquals(List.of(4L, 6L), List.of(second.m(), second.n()));
        // Softmax: heads 2 * (4*4 + 2*6) = 56 elements per layer and sequence.
        assertEquals(56, Graphs.vector(prefill, "softmax").elements());
    }
}
