package io.bitforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListWorkloadsTest {
    @Test
    void listsTheLlmZooWithComputedParameterCounts() throws Exception {
        CliHarness.Result result = CliHarness.run("list", "workloads", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        Map<String, JsonNode> byId = new HashMap<>();
        Json.mapper().readTree(result.stdout()).forEach(node -> byId.put(node.get("id").asText(), node));
        JsonNode llama = byId.get("llama-2-7b");
        assertEquals("llm", llama.get("kind").asText());
        // The exact published total (Hugging Face safetensors metadata).
        assertEquals(6_738_415_616L, llama.get("parameters").asLong());
        assertTrue(llama.get("source").asText().contains("config.json"), llama.toString());
        assertTrue(byId.keySet().containsAll(java.util.List.of("llama-2-13b", "llama-2-70b", "llama-3-8b",
                "llama-3-70b", "mistral-7b", "mixtral-8x7b", "opt-1.3b", "opt-6.7b", "opt-175b", "phi-2", "yi-6b",
                "qwen2.5-7b", "bitnet-b1.58-3b")), byId.keySet().toString());
    }
}
