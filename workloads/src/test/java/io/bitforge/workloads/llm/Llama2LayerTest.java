package io.bitforge.workloads.llm;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Llama-2-7B decoder layer at S = 1024 (batch 1, FP16): hidden 4096, 32 heads of 128, MLP 11008.
 * Layer ops carry count = 32 (the layers), so per-layer figures are totals / 32.
 */
class Llama2LayerTest {
    private static final ModelConfig LLAMA = ModelZoo.find("llama-2-7b").orElseThrow();

    @Test
    void prefillLayerAt1024() {
        PhaseGraph prefill = Graphs.builder(LLAMA, "W16A16KV16").prefill(1, 1024);
        GemmOp q = Graphs.gemm(prefill, "q_proj");
        assertEquals(List.of(1024L, 4096L, 4096L, 32L), List.of(q.m(), q.k(), q.n(), q.count()));
        // q_proj per layer: 2 * 1024 * 4096 * 4096 = 34,359,738,368 ops; weights 4096*4096*2 B = 33,554,432 B;
        // input and output 1024*4096*2 B = 8,388,608 B each.
        assertEquals(34_359_738_368.0, q.totalOps() / 32);
        OpFootprint qBytes = OpFootprint.of(q.withCount(1));
        assertEquals(33_554_432L, qBytes.loadWeightBytes());
        assertEquals(8_388_608L, qBytes.loadActivationBytes());
        assertEquals(8_388_608L, qBytes.storeActivationBytes());
        // gate, up, down: 2 * 1024 * 4096 * 11008 = 92,341,796,864 ops each; weights 4096*11008*2 = 90,177,536 B.
        for (String name : List.of("gate_proj", "up_proj", "down_proj")) {
            GemmOp mlp = Graphs.gemm(prefill, name);
            assertEquals(92_341_796_864.0, mlp.totalOps() / 32, name);
            assertEquals(90_177_536L, OpFootprint.of(mlp.withCount(1)).loadWeightBytes(), name);
        }
        // Scores, full rectangle: 32 heads * 2 * 1024 * 128 * 1024 = 8,589,934,592 ops; output 32 * 1024 * 1024
        // * 2 B = 67,108,864 B. Context products the same ops.
        GemmOp qk = Graphs.gemm(prefill, "qk_matmul");
        assertEquals(8_589_934_592.0, qk.totalOps() / 32);
        assertEquals(67_108_864L, OpFootprint.of(qk).storeActivationBytes() / 32);
        assertEquals(8_589_934_592.0, Graphs.gemm(prefill, "sv_matmul").totalOps() / 32);
        // Softmax: 5 * 32 * 1024 * 1024 = 167,772,160 ops; norms 7 * 1024 * 4096 = 29,360,128 ops.
        assertEquals(167_772_160.0, Graphs.vector(prefill, "softmax").totalOps() / 32);
        assertEquals(29_360_128.0, Graphs.vector(prefill, "attn_norm").totalOps() / 32);
        // SiLU and gate product: 3 * 1024 * 11008 = 33,816,576 ops; residual add 1024*4096 = 4,194,304.
        assertEquals(33_816_576.0, Graphs.vector(prefill, "mlp_act").totalOps() / 32);
        assertEquals(4_194_304.0, Graphs.vector(prefill, "attn_add").totalOps() / 32);
        // Whole layer MACs: 4 projections 4 * 17,179,869,184 + MLP 3 * 46,170,898,432 + attention
        // 2 * 4,294,967,296 = 68,719,476,736 + 138,512,695,296 + 8,589,934,592 = 215,822,106,624.
        // (Every GEMM but lm_head belongs to the 32 layers.)
        long layerMacs = prefill.graph().gemms().stream().filter(g -> !g.name().equals("lm_head"))
                .mapToLong(GemmOp::totalMacs).sum() / 32;
        assertEquals(215_822_106_624L, layerMacs);
    }

    @Test
    void lmHeadRunsOnTheLastTokenByDefault() {
        // 1 row x 4096 x 32000 MACs; lmHead=all would be 1024 rows.
        GemmOp head = Graphs.gemm(Graphs.builder(LLAMA, "W16A16KV16").prefill(1, 1024), "lm_head");
        assertEquals(List.of(1L, 4096L, 32000L), List.of(head.m(), head.k(), head.n()));
        GemmOp all = Graphs.gemm(new LlmGraphBuilder(LLAMA, io.bitforge.workloads.quant.QuantConfig.fp16(),
                new LlmOptions(AttentionCounting.FULL, 128, true, 32, false)).prefill(1, 1024), "lm_head");
        assertEquals(1024L, all.m());
    }

    @Test
    void decodeLayerMatchesLlmViewerRowsWhereConventionsAgree() {
        // LLM-Viewer (hahnyuan/LLM-Viewer 472f71f) Llama-2-7B decode rows at sequence length 1024, FP16, batch 1:
        // it attends to 1024 cached tokens, so context 1023 + the new token = 1024 keys here.
        PhaseGraph decode = Graphs.builder(LLAMA, "W16A16KV16").decode(1, 1023, 1);
        // name, OPs, load_weight, load_act, store_act, load_kv, store_kv (per layer)
        Object[][] rows = {
            {"q_proj", 33_554_432L, 33_554_432L, 8192L, 8192L, 0L, 0L},
            {"k_proj", 33_554_432L, 33_554_432L, 8192L, 0L, 0L, 8192L},
            {"v_proj", 33_554_432L, 33_554_432L, 8192L, 0L, 0L, 8192L},
            {"o_proj", 33_554_432L, 33_554_432L, 8192L, 8192L, 0L, 0L},
            {"gate_proj", 90_177_536L, 90_177_536L, 8192L, 22016L, 0L, 0L},
            {"up_proj", 90_177_536L, 90_177_536L, 8192L, 22016L, 0L, 0L},
            {"down_proj", 90_177_536L, 90_177_536L, 22016L, 8192L, 0L, 0L},
            {"qk_matmul", 8_388_608L, 0L, 8192L, 65536L, 8_388_608L, 0L},
            {"sv_matmul", 8_388_608L, 0L, 65536L, 8192L, 8_388_608L, 0L},
        };
        for (Object[] row : rows) {
            GemmOp op = Graphs.gemm(decode, (String) row[0]);
            OpFootprint bytes = OpFootprint.of(op);
            assertEquals(((Long) row[1]).doubleValue(), op.totalOps() / 32, (String) row[0]);
            assertEquals(List.of(row[2], row[3], row[4], row[5], row[6]), List.of(bytes.loadWeightBytes() / 32,
                    bytes.loadActivationBytes() / 32, bytes.storeActivationBytes() / 32, bytes.loadKvBytes() / 32,
                    bytes.storeKvBytes() / 32), (String) row[0]);
        }
        // softmax: 163,840 OPs, 65,536 B in and out; norms 28,672 OPs, 8,192 B in and out.
        VectorOp softmax = Graphs.vector(decode, "softmax");
        assertEquals(163_840.0, softmax.totalOps() / 32);
        assertEquals(65_536L, OpFootprint.of(softmax).loadActivationBytes() / 32);
        VectorOp norm = Graphs.vector(decode, "attn_norm");
        assertEquals(28_672.0, norm.totalOps() / 32);
        assertEquals(8192L, OpFootprint.of(norm).storeActivationBytes() / 32);
        // Documented differences: the residual add reads both inputs (LLM-Viewer 8,192 B, here 16,384 B); the
        // norm also reads its 4096 FP16 weights (8,192 B); the activation runs over 11008 elements at 3 ops
        // (LLM-Viewer: 4096 at 2); lm_head counts 2 ops per MAC (LLM-Viewer's row: 131,072,000 = 1 per MAC).
        assertEquals(16_384L, OpFootprint.of(Graphs.vector(decode, "attn_add")).loadActivationBytes() / 32);
        assertEquals(8192L, OpFootprint.of(norm).loadWeightBytes() / 32);
        assertEquals(33_024.0, Graphs.vector(decode, "mlp_act").totalOps() / 32);
        GemmOp head = Graphs.gemm(decode, "lm_head");
        assertEquals(262_144_000.0, head.totalOps());
        assertEquals(262_144_000L, OpFootprint.of(head).loadWeightBytes());
    }
}
