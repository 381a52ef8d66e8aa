package io.bitforge.workloads.llm.speculative;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.workloads.llm.LlmGraphBuilder;
import io.bitforge.workloads.llm.LlmOptions;
import io.bitforge.workloads.llm.ModelConfig;
import io.bitforge.workloads.llm.ModelZoo;
import io.bitforge.workloads.quant.QuantConfig;
import io.bitforge.workloads.quant.QuantParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpeculativeStepTest {
    private static final ModelConfig LLAMA_7B = ModelZoo.find("llama-2-7b").orElseThrow();
    private static final QuantConfig FP16 = QuantParser.parse("W16A16");

    private static GemmOp gemm(PhaseGraph phase, String name) {
        return (GemmOp) phase.graph().ops().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void expectedTokensFollowThePapers() {
        // Medusa: 1 + 0.8 + 0.8*0.5 + 0.8*0.5*0.25 = 2.3.
        assertEquals(2.3, new Speculation.Medusa(3, 16, List.of(0.8, 0.5, 0.25)).expectedTokensPerStep(), 1e-12);
        // Leviathan et al. Eq. 1 with alpha 0.5, gamma 3: (1 - 0.5^4) / 0.5 = 1.875.
        assertEquals(1.875, new Speculation.DraftModel(LLAMA_7B, 3, 0.5).expectedTokensPerStep(), 1e-12);
        assertEquals(4, new Speculation.DraftModel(LLAMA_7B, 3, 1.0).expectedTokensPerStep(), 1e-12);
        assertEquals(1, new Speculation.DraftModel(LLAMA_7B, 3, 0.0).expectedTokensPerStep(), 1e-12);
    }

    @Test
    void breakEvenSolvesExpectedTokensEqualToTheCostRatio() {
        Speculation medusa = new Speculation.Medusa(2, 8, List.of(0.3));
        // a + a^2 = 0.75 at a = 0.5.
        assertEquals(0.5, medusa.breakEvenAcceptance(1.75), 1e-9);
        assertEquals(0, medusa.breakEvenAcceptance(0.9));
        assertTrue(Double.isNaN(medusa.breakEvenAcceptance(3.5))); // at most 3 tokens per step
    }

    @Test
    void verifyingOneTokenIsAPlainDecodeStep() {
        LlmGraphBuilder builder = new LlmGraphBuilder(LLAMA_7B, FP16, LlmOptions.defaults());
        assertEquals(builder.decode(2, 700, 1).graph().totalMacs(), builder.verify(2, 700, 1).graph().totalMacs());
        PhaseGraph verify = builder.verify(1, 700, 8);
        // 8 query rows per layer; each KV head's 1 query head (MHA) x 8 rows against 708 keys.
        assertEquals(8, gemm(verify, "q_proj").m());
        assertEquals(8, gemm(verify, "qk_matmul").m());
        assertEquals(708, gemm(verify, "qk_matmul").n());
        assertEquals(8, gemm(verify, "lm_head").m());
    }

    @Test
    void medusaAddsItsHeadsAndDraftAddsTheDraftDecodeSteps() {
        SpeculativeStep medusa = SpeculativeStep.of(LLAMA_7B, FP16, LlmOptions.defaults(),
                new Speculation.Medusa(4, 64, List.of(0.5)), 1, 512);
        assertEquals(List.of("medusa-heads", "verify"), medusa.speculative().stream().map(PhaseGraph::name).toList());
        GemmOp heads = gemm(medusa.speculative().get(0), "medusa_lm_head");
        assertEquals(4, heads.count());
        assertEquals(32000, heads.n());
        assertEquals(64, gemm(medusa.speculative().get(1), "q_proj").m());
        // 4 x (4096^2 + 4096 + 4096 x 32000) = 591,413,248.
        assertEquals(591_413_248L, SpeculativeStep.medusaParameters(LLAMA_7B, 4));
        ModelConfig draft = ModelZoo.find("llama-2-7b").orElseThrow();
        ModelConfig target = ModelZoo.find("llama-2-13b").orElseThrow();
        SpeculativeStep drafted = SpeculativeStep.of(target, FP16, LlmOptions.defaults(),
                new Speculation.DraftModel(draft, 5, 0.7), 1, 512);
        // The draft decodes 5 tokens (every op x 5), the target verifies 6 positions.
        assertEquals(5L * 32, gemm(drafted.speculative().get(0), "q_proj").count());
        assertEquals(6, gemm(drafted.speculative().get(1), "q_proj").m());
        assertEquals(5120, gemm(drafted.speculative().get(1), "q_proj").k());
    }
}
