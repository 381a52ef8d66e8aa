package io.bitforge.roofline;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fused attention, tensor parallelism and the generation summary on one FP16 Llama-2-7B layer, by hand. */
class OptionsHandDerivedTest {
    private static final Precision FP16 = Precision.FP16;
    private static final DeviceMachine A100 = new DeviceMachine(DevicePresets.all().get(0));

    private static Map<String, OpRoofline> run(int tokens, RooflineOptions options) {
        OpGraph graph = HandBuiltLlama.graph(1, tokens, 1024, 1, FP16, FP16, FP16, 0);
        return new RooflineAnalyzer(A100, options).analyze(new PhaseGraph("p", PhaseKind.PREFILL, graph, 1, 1))
                .rows().stream().collect(Collectors.toMap(OpRoofline::name, Function.identity()));
    }

    @Test
    void fusedAttentionPrefillReReadsKvPerQueryBlock() {
        Map<String, OpRoofline> rows = run(1024, RooflineOptions.defaults().withFusedAttention(128));
        assertFalse(rows.containsKey("softmax"));
        OpRoofline fused = rows.get("fused_attention");
        assertEquals("fused-attention", fused.kind());
        // ops: 2 x (2 x 1024 x 128 x 1024 x 32) + 5 x 1024 x 1024 x 32 = 17,179,869,184 + 167,772,160.
        assertEquals(17_347_641_344.0, fused.ops(), 0);
        // 1024 / 128 = 8 query blocks. Q once 1024 x 128 x 2 B x 32 = 8,388,608; K and V 8 times each
        // 8 x 8,388,608 = 67,108,864; O once 8,388,608 (query rows x head size, not S x S).
        // In prefill K and V come from this pass's projections (B operand = activations).
        assertEquals(8_388_608 + 2 * 67_108_864, fused.bytes().activationsIn());
        assertEquals(8_388_608 + 2 * 67_108_864 + 8_388_608, fused.totalBytes());
        assertEquals(8_388_608, fused.bytes().activationsOut());
    }

    @Test
    void fusedAttentionDecodeReadsTheCacheOnce() {
        Map<String, OpRoofline> rows = run(1, RooflineOptions.defaults().withFusedAttention(128));
        OpRoofline fused = rows.get("fused_attention");
        // One query row = one block: Q 8192 B, K and V 8,388,608 B each from the cache, O 8192 B.
        assertEquals(2 * 8_388_608, fused.bytes().kvCacheRead());
        assertEquals(8192 + 2 * 8_388_608 + 8192, fused.totalBytes());
    }

    @Test
    void tensorParallelSplitsColumnAndRowParallelGemmsAndAddsTheRingAllReduce() {
        RooflineOptions tp2 = RooflineOptions.defaults().withTensorParallel(2, OptionalDouble.empty());
        Map<String, OpRoofline> rows = run(1, tp2);
        OpRoofline q = rows.get("q_proj");
        // Column-parallel: ops 33,554,432 / 2; weights 33,554,432 B / 2; whole input 8192 B; half output 4096 B.
        assertEquals(16_777_216, q.ops(), 0);
        assertEquals(16_777_216 + 8192 + 4096, q.totalBytes());
        OpRoofline out = rows.get("out_proj");
        // Row-parallel: half the weights and input, whole partial output 8192 B.
        assertEquals(16_777_216 + 4096 + 8192, out.totalBytes());
        OpRoofline allReduce = rows.get("out_proj.all-reduce");
        // Ring all-reduce of 8192 B over 2 devices on NVLink 3 (300 GB/s per direction):
        // 2 x (2 - 1) / 2 x 8192 / 300e9 s.
        assertEquals(Bound.LINK, allReduce.bound());
        assertEquals(8192, allReduce.linkBytes());
        assertEquals(8192 / 300e9, allReduce.seconds(), 1e-20);
        assertTrue(rows.containsKey("down_proj.all-reduce"));
        // Norms are replicated: the whole 4096 x 2 B in and out on each device.
        assertEquals(16_384, rows.get("attn_norm").totalBytes());
    }

    @Test
    void tensorParallelOnADeviceWithoutALinkNeedsALinkBandwidth() {
        DeviceMachine orin = new DeviceMachine(DevicePresets.all().stream()
                .filter(d -> d.id().equals("jetson-agx-orin")).findFirst().orElseThrow());
        RooflineOptions tp2 = RooflineOptions.defaults().withTensorParallel(2, OptionalDouble.empty());
        assertThrows(IllegalArgumentException.class, () -> new RooflineAnalyzer(orin, tp2));
        new RooflineAnalyzer(orin, RooflineOptions.defaults().withTensorParallel(2, OptionalDouble.of(10e9)));
    }

    @Test
    void generationSummaryFromPrefillAndDecode() {
        // Prefill 0.5 s; decode of 4 tokens for each of 2 sequences (8 items) in 0.2 s:
        // TTFT 0.5 s, TPOT 0.2 / 4 = 0.05 s, decode 8 / 0.2 = 40 tok/s, end to end 8 / 0.7 tok/s.
        PhaseRoofline prefill = phaseTaking(0.5, 2);
        PhaseRoofline decode = phaseTaking(0.2, 8);
        GenerationSummary summary = GenerationSummary.of(prefill, decode, 2);
        assertEquals(0.5, summary.timeToFirstTokenSeconds(), 1e-15);
        assertEquals(0.05, summary.timePerOutputTokenSeconds(), 1e-15);
        assertEquals(40, summary.decodeTokensPerSecond(), 1e-9);
        assertEquals(8 / 0.7, summary.endToEndTokensPerSecond(), 1e-9);
        assertEquals(0.7, summary.totalSeconds(), 1e-15);
    }

    private static PhaseRoofline phaseTaking(double seconds, long items) {
        OpRoofline row = new OpRoofline("x", "gemm", 1, 0, OperandBytes.ZERO, 0, new Peak("fp16", 1), 0, 0,
                Bound.MEMORY, seconds);
        return new PhaseRoofline("p", PhaseKind.DECODE, items, List.of(row));
    }
}
