package io.bitforge.roofline;

import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.workloads.llm.LlmWorkload;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The roofline's KV-cache footprint keeps only a sliding window's tokens, as the model's cache does. */
class SlidingWindowFootprintTest {

    private static WorkloadSettings decode(int context, int generate) {
        return new WorkloadSettings("decode", 1, 512, context, generate, "W16A16KV16", 50, 512, true, Map.of());
    }

    @Test
    void mistralAtContext16000CachesItsWindowOf4096Tokens() {
        WorkloadFactory mistral = LlmWorkload.fromZoo("mistral-7b");
        WorkloadSettings settings = decode(16_000, 1);
        MemoryFootprint footprint = RooflineRun.footprint(mistral, settings, mistral.build(settings));
        // Mistral 7B (Sec. 2): a 4096-token window on all 32 layers; 8 KV heads x 128 = 1024 per K and V, FP16:
        // 4096 tokens x 32 layers x 2 x 1024 x 2 B.
        assertEquals(4096L * 32 * 2 * 1024 * 2, footprint.kvCacheBytes());
    }

    @Test
    void withinTheWindowEveryTokenIsCached() {
        WorkloadFactory mistral = LlmWorkload.fromZoo("mistral-7b");
        WorkloadSettings settings = decode(1000, 24);
        MemoryFootprint footprint = RooflineRun.footprint(mistral, settings, mistral.build(settings));
        // 1000 cached + 24 generated = 1024 tokens, below the window: 1024 x 32 x 2 x 1024 x 2 B.
        assertEquals(1024L * 32 * 2 * 1024 * 2, footprint.kvCacheBytes());
    }

    @Test
    void modelsWithoutAWindowSumEveryKvWrite() {
        WorkloadFactory llama = LlmWorkload.fromZoo("llama-2-7b");
        WorkloadSettings settings = decode(1600, 1);
        MemoryFootprint footprint = RooflineRun.footprint(llama, settings, llama.build(settings));
        // Llama-2-7B: 32 heads x 128 = 4096 per K and V, 32 layers, 1601 tokens, FP16.
        assertEquals(1601L * 32 * 2 * 4096 * 2, footprint.kvCacheBytes());
    }
}
