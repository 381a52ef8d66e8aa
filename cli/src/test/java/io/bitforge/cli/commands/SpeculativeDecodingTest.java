package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.workloads.llm.speculative.Speculation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Medusa on a bandwidth-bound design: tpu-like-int8 (1024 INT8 MACs and 64 DRAM bytes per cycle) decoding
 * Llama-2-7B reads every weight byte once per step whether it verifies 1 or 8 tokens, so the speculative step
 * costs the plain one plus the Medusa heads' weights (docs/workloads.md, "Break-even acceptance").
 */
class SpeculativeDecodingTest {
    private static JsonNode run(String acceptance, String treeTokens) throws IOException {
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "decode", "--context", "512", "--generate", "2", "--speculative", "medusa",
                "--tree-tokens", treeTokens, "--acceptance", acceptance, "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout()).get("speculation");
    }

    /** The break-even of the docs: bytes per speculative step over bytes per plain step, INT8 weights. */
    private static double derivedBreakEven() {
        // Plain step at context 513: projections 32 x (4 x 4096^2 + 3 x 4096 x 11008) = 6,476,005,376 B, lm_head
        // 4096 x 32000 = 131,072,000 B, KV cache 2 x 32 x 4096 x 513 = 134,479,872 B. Medusa heads: 4 x (4096^2 +
        // 4096 x 32000) = 591,396,864 B more.
        double plain = 6_476_005_376.0 + 131_072_000 + 134_479_872;
        double ratio = (plain + 591_396_864) / plain;
        return new Speculation.Medusa(4, 8, List.of(0.5)).breakEvenAcceptance(ratio);
    }

    @Test
    void medusaGainsAboveTheDerivedBreakEvenAndLosesBelowIt() throws IOException {
        double breakEven = derivedBreakEven();
        assertEquals(0.0807, breakEven, 0.0005);
        JsonNode above = run("0.12", "8");
        assertTrue(above.get("speculativeTokensPerSecond").asDouble() > above.get("plainTokensPerSecond").asDouble(),
                above.toString());
        JsonNode below = run("0.05", "8");
        assertTrue(below.get("speculativeTokensPerSecond").asDouble() < below.get("plainTokensPerSecond").asDouble(),
                below.toString());
        // The simulated break-even only adds the 7 extra rows' compute and vector work to the bytes.
        double simulated = above.get("breakEvenAcceptanceTime").asDouble();
        assertTrue(simulated >= breakEven && simulated < breakEven + 0.02, simulated + " vs " + breakEven);
        // 1 + 0.12 + 0.0144 + 0.001728 + 0.00020736 tokens per step.
        assertEquals(1.13633536, above.get("expectedTokensPerStep").asDouble(), 1e-9);
    }

    @Test
    void aLargeTreeMakesTheStepComputeBoundAndRaisesTheBreakEven() throws IOException {
        // 64 query rows: 64 MACs per weight byte at 1024 MACs and 64 bytes per cycle is 4x the memory time.
        JsonNode large = run("0.12", "64");
        assertTrue(large.get("speculativeTokensPerSecond").asDouble() < large.get("plainTokensPerSecond").asDouble(),
                large.toString());
        assertTrue(large.get("breakEvenAcceptanceTime").asDouble() > 0.4, large.toString());
    }
}
