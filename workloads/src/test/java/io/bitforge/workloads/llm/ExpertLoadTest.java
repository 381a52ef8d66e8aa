package io.bitforge.workloads.llm;

import io.bitforge.core.op.GemmOp;
import io.bitforge.core.workload.PhaseGraph;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpertLoadTest {
    @Test
    void expectedActiveExperts() {
        // One token, top-2 of 8: exactly 2 experts, 1 row each.
        ExpertLoad one = new ExpertLoad(1, 8, 2);
        assertEquals(2.0, one.expectedActiveExperts(), 1e-12);
        assertEquals(1, one.rowsPerExpert());
        // 4 tokens: 8 * (1 - 0.75^4) = 8 * 0.68359375 = 5.46875 -> 6 experts read, 8 token-expert pairs -> 2 rows.
        ExpertLoad four = new ExpertLoad(4, 8, 2);
        assertEquals(5.46875, four.expectedActiveExperts(), 1e-12);
        assertEquals(6, four.activeExperts());
        assertEquals(2, four.rowsPerExpert());
        // A 1024-token prompt touches all 8; 2048 pairs -> 256 rows each.
        assertEquals(256, new ExpertLoad(1024, 8, 2).rowsPerExpert());
    }

    @Test
    void mixtralGraphUsesTheExpectedLoad() {
        ModelConfig mixtral = ModelZoo.find("mixtral-8x7b").orElseThrow();
        PhaseGraph decode = Graphs.builder(mixtral, "W16A16").decode(1, 100, 10);
        GemmOp gate = Graphs.gemm(decode, "expert_gate_proj");
        // Batch 1: 2 experts per step, 1 row each; count = 32 layers * 10 steps * 2 experts.
        assertEquals(1, gate.m());
        assertEquals(640, gate.count());
        GemmOp router = Graphs.gemm(decode, "router");
        assertEquals(8, router.n());
        assertEquals("fp16", router.weights().format());
    }
}
