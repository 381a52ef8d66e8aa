package io.bitforge.roofline;

import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.Precision;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Llama-2-7B layer (hidden 4096, 32 heads x 128, intermediate 11008) on A100 40GB (FP16 312 TFLOP/s, INT8
 * 624 TOP/s, 1555 GB/s), batch 1, at W4A16 (group 128) and W8A8KV8 (per channel), prefill of 1024 tokens and
 * one decode step at 1024 cached tokens. Every expected figure is worked out in the comments.
 */
class OneLayerHandDerivedTest {
    private static final double BW = 1555e9;
    private static final Precision FP16 = Precision.FP16;
    private static final Precision INT4 = Precision.INT4;
    private static final Precision INT8 = Precision.INT8;

    private static Map<String, OpRoofline> run(int tokens, Precision w, Precision a, Precision kv, int group) {
        OpGraph graph = HandBuiltLlama.graph(1, tokens, 1024, 1, w, a, kv, group);
        PhaseRoofline phase = new RooflineAnalyzer(new DeviceMachine(DevicePresets.all().get(0)),
                RooflineOptions.defaults()).analyze(new PhaseGraph("p", PhaseKind.DECODE, graph, 1, 1));
        return phase.rows().stream().collect(Collectors.toMap(OpRoofline::name, Function.identity()));
    }

    @Test
    void w4a16Decode() {
        Map<String, OpRoofline> rows = run(1, INT4, FP16, FP16, 128);
        OpRoofline q = rows.get("q_proj");
        // ops 2 x 4096 x 4096 = 33,554,432. Weights 4096 x 4096 x 4 bit / 8 = 8,388,608 B, plus scales:
        // 4096/128 = 32 groups x 4096 columns x 2 B = 262,144 B -> 8,650,752 B. x in and q out 4096 x 2 B each.
        assertEquals(33_554_432, q.ops(), 0);
        assertEquals(8_650_752, q.bytes().weights());
        assertEquals(8192, q.bytes().activationsIn());
        assertEquals(8192, q.bytes().activationsOut());
        // W4A16 runs at the FP16 peak (weights dequantised); intensity 33,554,432 / 8,667,136 = 3.87 < ridge
        // 312e12 / 1555e9 = 200.6: memory-bound, 8,667,136 B / 1555 GB/s.
        assertEquals("fp16", q.peak().label());
        assertEquals(Bound.MEMORY, q.bound());
        assertEquals(8_667_136 / BW, q.seconds(), 1e-18);
        // k_proj: the same, but its 8192-B output goes to the KV cache at 16 bits.
        assertEquals(8192, rows.get("k_proj").bytes().kvCacheWrite());
        assertEquals(0, rows.get("k_proj").bytes().activationsOut());
        // down_proj: K = 11008 -> ceil(11008/128) = 86 groups x 4096 x 2 B = 704,512 B of scales, plus
        // 11008 x 4096 / 2 = 22,544,384 B of codes.
        assertEquals(22_544_384 + 704_512, rows.get("down_proj").bytes().weights());
        // qk_matmul over 32 heads: ops 2 x 128 x 1024 x 32 = 8,388,608; Q 128 x 2 B x 32 = 8192; K from the
        // cache 1024 x 128 x 2 B x 32 = 8,388,608; scores 1024 x 2 B x 32 = 65,536.
        OpRoofline qk = rows.get("qk_matmul");
        assertEquals(8_388_608, qk.ops(), 0);
        assertEquals(8_388_608, qk.bytes().kvCacheRead());
        assertEquals(8192 + 8_388_608 + 65_536, qk.totalBytes());
    }

    @Test
    void w4a16Prefill() {
        Map<String, OpRoofline> rows = run(1024, INT4, FP16, FP16, 128);
        OpRoofline q = rows.get("q_proj");
        // ops 2 x 1024 x 4096 x 4096 = 34,359,738,368; bytes 8,650,752 + 2 x 1024 x 4096 x 2 B = 25,427,968;
        // intensity 1351 > 200.6: compute-bound at FP16, 34,359,738,368 / 312e12 s.
        assertEquals(34_359_738_368.0, q.ops(), 0);
        assertEquals(25_427_968, q.totalBytes());
        assertEquals(Bound.COMPUTE, q.bound());
        assertEquals(34_359_738_368.0 / 312e12, q.seconds(), 1e-18);
        // qk_matmul: ops 2 x 1024 x 128 x 1024 x 32 = 8,589,934,592; Q and K 1024 x 128 x 2 B x 32 = 8,388,608
        // each; scores 1024 x 1024 x 2 B x 32 = 67,108,864 -> 83,886,080 B; intensity 102.4 < 200.6: memory.
        OpRoofline qk = rows.get("qk_matmul");
        assertEquals(8_589_934_592.0, qk.ops(), 0);
        assertEquals(83_886_080, qk.totalBytes());
        assertEquals(Bound.MEMORY, qk.bound());
        assertEquals(83_886_080 / BW, qk.seconds(), 1e-18);
    }

    @Test
    void w8a8kv8Decode() {
        Map<String, OpRoofline> rows = run(1, INT8, INT8, INT8, 0);
        OpRoofline q = rows.get("q_proj");
        // Weights 4096 x 4096 x 1 B = 16,777,216; in and out 4096 B each -> 16,785,408 B; INT8 peak.
        assertEquals(16_785_408, q.totalBytes());
        assertEquals("int8", q.peak().label());
        assertEquals(16_785_408 / BW, q.seconds(), 1e-18);
        // v_proj writes 4096 B of int8 values to the cache.
        assertEquals(4096, rows.get("v_proj").bytes().kvCacheWrite());
        // sv_matmul: P 1024 x 1 B x 32 = 32,768; V 1024 x 128 x 1 B x 32 = 4,194,304; out 128 x 1 B x 32 = 4096.
        OpRoofline sv = rows.get("sv_matmul");
        assertEquals(4_194_304, sv.bytes().kvCacheRead());
        assertEquals(32_768 + 4_194_304 + 4096, sv.totalBytes());
    }

    @Test
    void w8a8kv8Prefill() {
        Map<String, OpRoofline> rows = run(1024, INT8, INT8, INT8, 0);
        OpRoofline gate = rows.get("gate_proj");
        // ops 2 x 1024 x 4096 x 11008 = 92,341,796,864; bytes 4096 x 11008 + 1024 x 4096 + 1024 x 11008
        // = 45,088,768 + 4,194,304 + 11,272,192 = 60,555,264; intensity 1525 > ridge 624e12/1555e9 = 401.3:
        // compute-bound at INT8, 92,341,796,864 / 624e12 s.
        assertEquals(92_341_796_864.0, gate.ops(), 0);
        assertEquals(60_555_264, gate.totalBytes());
        assertEquals(Bound.COMPUTE, gate.bound());
        assertEquals(92_341_796_864.0 / 624e12, gate.seconds(), 1e-18);
    }
}
