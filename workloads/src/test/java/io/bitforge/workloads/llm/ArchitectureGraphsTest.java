package io.bitforge.workloads.llm;

import io.bitforge.core.op.Op;
import io.bitforge.core.op.VectorOp;
import io.bitforge.core.workload.PhaseGraph;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ops that differ between architectures, at batch 1 and an 8-token prompt. */
class ArchitectureGraphsTest {
    private static PhaseGraph prefill(String id) {
        return Graphs.builder(ModelZoo.find(id).orElseThrow(), "W16A16").prefill(1, 8);
    }

    private static List<String> names(PhaseGraph phase) {
        return phase.graph().ops().stream().map(Op::name).toList();
    }

    @Test
    void optHasLearnedPositionsBiasesAndAPlainReluMlp() {
        PhaseGraph opt = prefill("opt-1.3b");
        assertEquals(List.of("embedding", "attn_norm", "q_proj", "k_proj", "v_proj", "qkv_bias", "qk_matmul",
                "softmax", "sv_matmul", "o_proj", "o_bias", "attn_add", "mlp_norm", "fc1", "fc1_bias", "mlp_act", "fc2",
                "fc2_bias", "mlp_add", "final_norm", "lm_head"), names(opt));
        // Token and position rows: 2 * 8 * 2048 parameters read, one add per element.
        VectorOp embedding = Graphs.vector(opt, "embedding");
        assertEquals(2L * 8 * 2048, embedding.parameterElements());
        assertEquals(1.0, embedding.opsPerElement());
        // LayerNorm reads scale and bias: 2 * 2048; plain ReLU: 2 ops per element of the 8192-wide layer.
        assertEquals(4096, Graphs.vector(opt, "attn_norm").parameterElements());
        assertEquals(8L * 8192, Graphs.vector(opt, "mlp_act").elements());
        assertEquals(2.0, Graphs.vector(opt, "mlp_act").opsPerElement());
    }

    @Test
    void phi2RunsAttentionAndMlpFromOneNorm() {
        PhaseGraph phi = prefill("phi-2");
        List<String> names = names(phi);
        assertFalse(names.contains("attn_add") || names.contains("mlp_norm"), names.toString());
        VectorOp add = Graphs.vector(phi, "residual_add");
        assertEquals(3, add.inputsPerElement());
        // Partial rotary: 0.4 * 80 = 32 of each head's 80 values, for 32 query and 32 key heads.
        assertEquals(8L * (32 + 32) * 32, Graphs.vector(phi, "rotary").elements());
        assertTrue(names.contains("lm_head_bias"));
    }

    @Test
    void bitnetAddsSubNormsAndQwenAddsQkvBiases() {
        List<String> bitnet = names(prefill("bitnet-b1.58-3b"));
        assertTrue(bitnet.indexOf("attn_sub_norm") == bitnet.indexOf("o_proj") - 1, bitnet.toString());
        assertTrue(bitnet.indexOf("ffn_sub_norm") == bitnet.indexOf("down_proj") - 1, bitnet.toString());
        List<String> qwen = names(prefill("qwen2.5-7b"));
        assertTrue(qwen.contains("qkv_bias") && !qwen.contains("o_bias"), qwen.toString());
    }

    @Test
    void mixtralPrefillTouchesEveryExpert() {
        PhaseGraph mixtral = prefill("mixtral-8x7b");
        // 8 tokens, top-2 of 8: 8 * (1 - 0.75^8) = 7.2 expected experts -> 8 read; 16 pairs -> 2 rows each.
        assertEquals(2, Graphs.gemm(mixtral, "expert_up_proj").m());
        assertEquals(32L * 8, Graphs.gemm(mixtral, "expert_up_proj").count());
        assertEquals(8L * 4096, Graphs.vector(mixtral, "expert_combine").elements());
    }
}
