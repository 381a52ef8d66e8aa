package io.bitforge.workloads.llm;

import io.bitforge.core.io.BadInputException;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmWorkloadTest {
    @Test
    void theZooIsRegistered() {
        Registry registry = Registry.load();
        List<String> ids = registry.ids(CatalogKind.WORKLOADS);
        assertTrue(ids.containsAll(List.of("llama-2-7b", "mixtral-8x7b", "opt-175b", "bitnet-b1.58-3b")), ids.toString());
        WorkloadFactory llama = registry.workload("llama-2-7b").orElseThrow();
        assertEquals("llm", llama.kind());
        assertEquals(6_738_415_616L, llama.facts().get("parameters"));
        assertTrue(llama.source().contains("meta-llama/Llama-2-7b-hf"));
    }

    @Test
    void bothPhasesDecodeFromThePrompt() {
        WorkloadFactory llama = new LlmWorkload(ModelZoo.find("llama-2-7b").orElseThrow());
        List<PhaseGraph> phases = llama.build(new WorkloadSettings("both", 2, 1024, 7, 256, "W4A8KV4g128", 0, 0,
                false, Map.of()));
        assertEquals(List.of(PhaseKind.PREFILL, PhaseKind.DECODE), phases.stream().map(PhaseGraph::kind).toList());
        assertEquals(2, phases.get(0).outputItems());
        assertEquals(512, phases.get(1).outputItems());
        assertTrue(phases.get(1).graph().name().contains("C=1024"), phases.get(1).graph().name());
    }

    @Test
    void badSettingsAreBadInput() {
        WorkloadFactory llama = new LlmWorkload(ModelZoo.find("llama-2-7b").orElseThrow());
        WorkloadSettings defaults = WorkloadSettings.defaults();
        assertThrows(BadInputException.class, () -> llama.build(defaults.withPhase("train")));
        assertThrows(BadInputException.class, () -> llama.build(defaults.withQuant("W3X")));
        assertThrows(BadInputException.class, () -> llama.build(new WorkloadSettings("prefill", 0, 10, 0, 1,
                "W16A16", 0, 0, false, Map.of())));
        assertThrows(BadInputException.class, () -> llama.build(new WorkloadSettings("prefill", 1, 10, 0, 1,
                "W16A16", 0, 0, false, Map.of("attention", "sparse"))));
        assertThrows(BadInputException.class, () -> llama.build(new WorkloadSettings("prefill", 1, 10, 0, 1,
                "W16A16", 0, 0, false, Map.of("colour", "red"))));
    }

    @Test
    void outlierDecompositionSplitsTheReduction() {
        PhaseGraph prefill = Graphs.builder(ModelZoo.find("llama-2-7b").orElseThrow(), "W8A8,outliers:0.01")
                .prefill(1, 16);
        // ceil(0.01 * 4096) = 41 input features in FP16, 4055 in INT8.
        assertEquals(4055, Graphs.gemm(prefill, "q_proj").k());
        assertEquals(41, Graphs.gemm(prefill, "q_proj.outliers").k());
        assertEquals("fp16", Graphs.gemm(prefill, "q_proj.outliers").weights().format());
    }
}
