package io.bitforge.roofline;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The zoo's Llama-2-7B at W4A16g128 and W8A8KV8, prefill of 1024 tokens and one decode step attending to 1024
 * keys, on A100 40GB (FP16 312 TFLOP/s, INT8 624 TOP/s, 1555 GB/s). Figures are worked out for one layer
 * (hidden 4096, 32 heads x 128, intermediate 11008) and multiplied by the 32 layers the rows stand for.
 */
class LlamaQuantizedLayerTest {
    private static final int LAYERS = 32;
    private static final double BW = 1555e9;

    private static Map<String, OpRoofline> rows(String phase, String quant) {
        WorkloadSettings settings = new WorkloadSettings(phase, 1, 1024, 1023, 1, quant, 50, 512, true, Map.of());
        PhaseRoofline analysed = new RooflineAnalyzer(new DeviceMachine(DevicePresets.all().get(0)),
                RooflineOptions.defaults()).analyze(Registry.load().workload("llama-2-7b").orElseThrow()
                .build(settings).get(0));
        return analysed.rows().stream().collect(Collectors.toMap(OpRoofline::name, Function.identity()));
    }

    @Test
    void w4a16Decode() {
        Map<String, OpRoofline> rows = rows("decode", "W4A16g128");
        OpRoofline q = rows.get("q_proj");
        // Per layer: codes 4096 x 4096 x 4 bit = 8,388,608 B + scales 32 groups x 4096 x 2 B = 262,144 B;
        // x in and q out 4096 x 2 B each: 8,667,136 B; 33,554,432 ops; FP16 roof; memory-bound.
        assertEquals(33_554_432.0 * LAYERS, q.ops(), 0);
        assertEquals(8_650_752L * LAYERS, q.bytes().weights());
        assertEquals(8_667_136L * LAYERS, q.totalBytes());
        assertEquals("fp16", q.peak().label());
        assertEquals(8_667_136.0 * LAYERS / BW, q.seconds(), 1e-15);
        // v_proj stores its 4096 FP16 outputs to the cache: 8192 B per layer.
        assertEquals(8192L * LAYERS, rows.get("v_proj").bytes().kvCacheWrite());
        // down_proj: ceil(11008 / 128) = 86 groups x 4096 x 2 B = 704,512 B scales + 22,544,384 B codes.
        assertEquals((22_544_384L + 704_512L) * LAYERS, rows.get("down_proj").bytes().weights());
        // lm_head stays FP16 (GPTQ/AWQ leave it): 4096 x 32000 x 2 B, no groups.
        assertEquals(262_144_000L, rows.get("lm_head").bytes().weights());
    }

    @Test
    void w4a16Prefill() {
        Map<String, OpRoofline> rows = rows("prefill", "W4A16g128");
        OpRoofline q = rows.get("q_proj");
        // Per layer: 2 x 1024 x 4096 x 4096 = 34,359,738,368 ops; 8,650,752 + 2 x 1024 x 4096 x 2 B = 25,427,968 B;
        // intensity 1351 > ridge 200.6: compute-bound at FP16.
        assertEquals(34_359_738_368.0 * LAYERS, q.ops(), 0);
        assertEquals(25_427_968L * LAYERS, q.totalBytes());
        assertEquals(Bound.COMPUTE, q.bound());
        assertEquals(34_359_738_368.0 * LAYERS / 312e12, q.seconds(), 1e-15);
        // qk_matmul: 2 x 1024 x 128 x 1024 x 32 heads = 8,589,934,592 ops; Q and K 1024 x 128 x 2 B x 32 = 8,388,608
        // each, scores 1024 x 1024 x 2 B x 32 = 67,108,864: 83,886,080 B; intensity 102.4: memory-bound.
        OpRoofline qk = rows.get("qk_matmul");
        assertEquals(8_589_934_592.0 * LAYERS, qk.ops(), 0);
        assertEquals(83_886_080L * LAYERS, qk.totalBytes());
        assertEquals(Bound.MEMORY, qk.bound());
    }

    @Test
    void w8a8kv8Decode() {
        Map<String, OpRoofline> rows = rows("decode", "W8A8KV8");
        OpRoofline q = rows.get("q_proj");
        // Per layer: 4096 x 4096 x 1 B + 4096 B in + 4096 B out = 16,785,408 B at the INT8 roof.
        assertEquals(16_785_408L * LAYERS, q.totalBytes());
        assertEquals("int8", q.peak().label());
        assertEquals(4096L * LAYERS, rows.get("k_proj").bytes().kvCacheWrite());
        // qk_matmul per layer: Q 128 x 1 B x 32 = 4096; K 1024 x 128 x 1 B x 32 = 4,194,304 from the cache;
        // FP16 scores 1024 x 2 B x 32 = 65,536: 4,263,936 B; int8 x int8 at the INT8 roof.
        OpRoofline qk = rows.get("qk_matmul");
        assertEquals(4_194_304L * LAYERS, qk.bytes().kvCacheRead());
        assertEquals(4_263_936L * LAYERS, qk.totalBytes());
        assertEquals("int8", qk.peak().label());
        // sv_matmul per layer: P 1024 x 1 B x 32 = 32,768; V 4,194,304; out 128 x 1 B x 32 = 4096: 4,231,168 B.
        assertEquals(4_231_168L * LAYERS, rows.get("sv_matmul").totalBytes());
    }

    @Test
    void w8a8kv8Prefill() {
        Map<String, OpRoofline> rows = rows("prefill", "W8A8KV8");
        OpRoofline gate = rows.get("gate_proj");
        // Per layer: 2 x 1024 x 4096 x 11008 = 92,341,796,864 ops; 4096 x 11008 + 1024 x 4096 + 1024 x 11008
        // = 60,555,264 B; intensity 1525 > ridge 624e12 / 1555e9 = 401.3: compute-bound at INT8.
        assertEquals(92_341_796_864.0 * LAYERS, gate.ops(), 0);
        assertEquals(60_555_264L * LAYERS, gate.totalBytes());
        assertEquals(Bound.COMPUTE, gate.bound());
        assertEquals(92_341_796_864.0 * LAYERS / 624e12, gate.seconds(), 1e-15);
        // qk_matmul per layer: Q and K 1024 x 128 x 1 B x 32 = 4,194,304 each, FP16 scores 67,108,864:
        // 75,497,472 B for 8,589,934,592 ops, intensity 113.8 < 401.3: memory-bound.
        OpRoofline qk = rows.get("qk_matmul");
        assertEquals(75_497_472L * LAYERS, qk.totalBytes());
        assertEquals(Bound.MEMORY, qk.bound());
        assertEquals(75_497_472.0 * LAYERS / BW, qk.seconds(), 1e-15);
    }
}
