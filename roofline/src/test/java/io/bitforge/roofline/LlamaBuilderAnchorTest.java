package io.bitforge.roofline;

import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The zoo's Llama-2-7B graph (the workloads module's builder) against LLM-Viewer's rows for decode at 1024 on
 * A100, 16-bit everything, unfused attention (hahnyuan/LLM-Viewer 472f71f). LLM-Viewer's decode step at
 * sequence length S attends to S cached tokens; BitForge's decode step attends to the C cached tokens and
 * itself (C + 1, its K/V appended first, as transformers does). So C = 1023 gives LLM-Viewer's 1024 keys and
 * C = 1024 differs by exactly one key per head.
 */
class LlamaBuilderAnchorTest {
    private static final Map<String, LlmViewerAnchor> ANCHOR = LlmViewerAnchor.load();
    private static final List<String> GEMMS = List.of("q_proj", "k_proj", "v_proj", "gate_proj", "up_proj",
            "down_proj", "qk_matmul", "sv_matmul");

    private static Map<String, OpRoofline> decode(int context) {
        WorkloadFactory llama = Registry.load().workload("llama-2-7b").orElseThrow();
        WorkloadSettings settings = new WorkloadSettings("decode", 1, 1024, context, 1, "W16A16KV16", 50, 512, true,
                Map.of());
        RooflineAnalyzer analyzer = new RooflineAnalyzer(new DeviceMachine(DevicePresets.all().get(0)),
                RooflineOptions.defaults());
        return analyzer.analyze(llama.build(settings).get(0)).rows().stream()
                .collect(Collectors.toMap(OpRoofline::name, Function.identity()));
    }

    private static void assertSame(String anchorName, OpRoofline row) {
        LlmViewerAnchor expected = ANCHOR.get(anchorName);
        assertEquals(expected.ops(), row.ops(), 0, anchorName + " ops");
        assertEquals(expected.bytes(), row.totalBytes(), 0, anchorName + " bytes");
        assertEquals(expected.loadWeight(), row.bytes().weights(), 0, anchorName + " weights");
        assertEquals(expected.loadAct(), row.bytes().activationsIn(), 0, anchorName + " activations read");
        assertEquals(expected.storeAct(), row.bytes().activationsOut(), 0, anchorName + " activations written");
        assertEquals(expected.loadKv(), row.bytes().kvCacheRead(), 0, anchorName + " KV read");
        assertEquals(expected.storeKv(), row.bytes().kvCacheWrite(), 0, anchorName + " KV written");
        assertEquals(expected.bound(), row.bound().label(), anchorName + " bound");
        assertEquals(expected.seconds(), row.seconds(), expected.seconds() * 1e-12, anchorName + " seconds");
    }

    @Test
    void everyProjectionAndAttentionGemmEqualsLlmViewerAt1024Keys() {
        Map<String, OpRoofline> rows = decode(1023);
        for (String name : GEMMS) {
            assertSame(name, rows.get(name));
        }
        // LLM-Viewer calls the attention output projection out_proj; transformers' Llama calls it o_proj.
        assertSame("out_proj", rows.get("o_proj"));
        assertSame("softmax", rows.get("softmax"));
    }

    @Test
    void attendingToItselfAddsOneKeyPerHead() {
        Map<String, OpRoofline> rows = decode(1024);
        for (String name : List.of("qk_matmul", "sv_matmul")) {
            LlmViewerAnchor expected = ANCHOR.get(name);
            OpRoofline row = rows.get(name);
            // One more key: 2 x 128 ops and 128 x 2 B of K (or V) per head; 32 heads x 32 layers.
            assertEquals(expected.ops() + 2 * 128 * 32 * 32, row.ops(), 0, name);
            assertEquals(expected.loadKv() + 128 * 2 * 32 * 32, row.bytes().kvCacheRead(), 0, name);
        }
        // The score row is one element longer per head: 2 B x 32 heads x 32 layers more written (qk) / read (sv).
        assertEquals(ANCHOR.get("qk_matmul").storeAct() + 2 * 32 * 32, rows.get("qk_matmul").bytes().activationsOut(), 0);
        assertEquals(ANCHOR.get("sv_matmul").loadAct() + 2 * 32 * 32, rows.get("sv_matmul").bytes().activationsIn(), 0);
        for (String name : List.of("q_proj", "k_proj", "v_proj", "gate_proj", "up_proj", "down_proj")) {
            assertSame(name, rows.get(name));
        }
    }

    @Test
    void documentedDifferencesOnTheSmallLayers() {
        Map<String, OpRoofline> rows = decode(1023);
        // lm_head: 2 ops per multiply-add (LLM-Viewer 1): 2 x 4096 x 32000.
        assertEquals(2 * ANCHOR.get("lm_head").ops(), rows.get("lm_head").ops(), 0);
        assertEquals(ANCHOR.get("lm_head").bytes(), rows.get("lm_head").totalBytes(), 0);
        // Norms also read their 4096 FP16 weights: + 8192 B per layer, x 32.
        for (String name : List.of("attn_norm", "mlp_norm")) {
            assertEquals(ANCHOR.get(name).ops(), rows.get(name).ops(), 0, name);
            assertEquals(ANCHOR.get(name).bytes() + 8192 * 32, rows.get(name).totalBytes(), 0, name);
        }
        // Residual adds read both inputs: + 8192 B per layer.
        for (String name : List.of("attn_add", "mlp_add")) {
            assertEquals(ANCHOR.get(name).ops(), rows.get(name).ops(), 0, name);
            assertEquals(ANCHOR.get(name).bytes() + 8192 * 32, rows.get(name).totalBytes(), 0, name);
        }
        // SiLU(gate) x up over the intermediate 11008 elements at 3 ops each (LLM-Viewer: 2 ops x hidden 4096):
        // ops 3 x 11008 x 32 = 1,056,768; bytes (2 in + 1 out) x 11008 x 2 B x 32 = 2,113,536.
        assertEquals(1_056_768, rows.get("mlp_act").ops(), 0);
        assertEquals(2_113_536, rows.get("mlp_act").totalBytes());
    }
}
