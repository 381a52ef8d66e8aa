package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulateCommandTest {
    private static final String[] LLAMA_BOTH = {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
            "--phase", "both", "--prompt", "1024", "--generate", "256"};

    private static JsonNode json(String... args) throws Exception {
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 2);
        withJson[args.length] = "--json";
        withJson[args.length + 1] = "-";
        CliHarness.Result result = CliHarness.run(withJson);
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout());
    }

    private static JsonNode op(JsonNode phase, String name) {
        for (JsonNode op : phase.get("ops")) {
            if (op.get("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no op " + name);
    }

    /**
     * OliVe weight-only stores 4.5 bits per weight (olive-weight-only's effectiveWeightBits): OPT-1.3B's q_proj,
     * 24 layers x 2048 x 2048 weights, is 24 x 2048 x 2048 x 4.5 / 8 = 56,623,104 bytes, not the 50,331,648 of the
     * 4-bit code. Area adds the edge decoders.
     */
    @Test
    void weightsMoveAtTheDesignsStoredWidth() throws Exception {
        JsonNode root = json("simulate", "--hw", "olive-weight-only", "--workload", "opt-1.3b", "--prompt", "16",
                "--generate", "2", "--quant", "W4A16KV4,lm_head:same");
        JsonNode q = op(root.get("phases").get(0), "q_proj");
        assertEquals(56_623_104L, q.at("/bytes/loadWeight").asLong());
        assertTrue(root.at("/summary/areaSquareMicrometres/ovp-decoders").asDouble() > 0);
    }

    @Test
    void llama2BothPhasesOnTheTpuLikeArray() throws Exception {
        JsonNode root = json(LLAMA_BOTH);
        JsonNode prefill = root.get("phases").get(0);
        JsonNode decode = root.get("phases").get(1);
        assertEquals("prefill", prefill.get("name").asText());
        assertEquals("decode", decode.get("name").asText());
        // Without --quant the array's native INT8 is used, lm_head included.
        assertEquals("int8", root.at("/workload/quant/weights").asText());
        assertEquals("int8", root.at("/workload/quant/lmHead").asText());
        assertEquals("full prompt x prompt rectangle (no causal mask)",
                root.at("/workload/prefillAttention").asText());
        // Prefill MACs by hand: per layer 215,822,106,624 (see Llama2LayerTest) x 32 = 6,906,307,411,968, plus
        // lm_head on the last token 4096 * 32000 = 131,072,000.
        assertEquals(6_906_438_483_968L, prefill.get("macs").asLong());
        // q_proj on the 32x32 output-stationary array: M = 1024 over 32 rows, N = 4096 over 32 columns -> 32 x 128
        // folds of K + R + C - 2 = 4096 + 62 = 4158 cycles = 17,031,168 per layer, x32 layers.
        JsonNode q = op(prefill, "q_proj");
        assertEquals(32L * 32 * 128 * 4158, q.get("engineCycles").asLong());
        // Its DRAM traffic is the tiled model's (weights and activations re-fetched as the 64 KiB buffers
        // require), never below each byte once: (16,777,216 B weights + 2 * 4,194,304 B activations) / 64 B per
        // cycle = 393,216 per layer; still compute-bound.
        assertTrue(q.get("dramCycles").asLong() >= 32L * 393_216, q.toString());
        assertTrue(q.get("dramCycles").asLong() < q.get("engineCycles").asLong(), q.toString());
        assertEquals("compute", q.get("bound").asText());
        // A residual add: 4,194,304 elements at 1 op on 32 lanes = 131,072 cycles; it moves 3 x 2 B per element
        // = 25,165,824 B = 393,216 cycles at 64 B/cycle: memory-bound.
        JsonNode add = op(prefill, "attn_add");
        assertEquals(32L * 131_072, add.get("engineCycles").asLong());
        assertEquals(32L * 393_216, add.get("cycles").asLong());
        assertEquals("memory", add.get("bound").asText());
        // Phase cycles are the sum of op cycles; the summary follows from the phases.
        for (JsonNode phase : root.get("phases")) {
            long sum = 0;
            for (JsonNode op : phase.get("ops")) {
                sum += op.get("cycles").asLong();
            }
            assertEquals(sum, phase.get("totalCycles").asLong());
        }
        JsonNode summary = root.get("summary");
        assertEquals(prefill.get("latencySeconds").asDouble(), summary.get("timeToFirstTokenSeconds").asDouble());
        assertEquals(decode.get("latencySeconds").asDouble() / 256, summary.get("timePerOutputTokenSeconds")
                .asDouble(), 1e-12);
        assertEquals(256 / decode.get("latencySeconds").asDouble(), summary.get("decodeTokensPerSecond").asDouble(),
                1e-9);
        assertEquals(prefill.get("totalCycles").asLong() + decode.get("totalCycles").asLong(),
                summary.get("totalCycles").asLong());
        // 1 GHz: latency = cycles / 1e9.
        assertEquals(summary.get("totalCycles").asLong() / 1e9, summary.get("latencySeconds").asDouble(), 1e-9);
        assertTrue(root.at("/capacity/fits").asBoolean());
        // Decode attention in closed form: 256 steps over 1025..1280 keys = 256 * 1025 + 256 * 255 / 2 = 295,040.
        assertEquals(295_040, root.at("/workload/decodeAttention/keysExact").asLong());
        assertTrue(root.at("/summary/energyPicojoules/DRAM").asDouble() > 0);
    }

    @Test
    void outputIsDeterministicAndTheTableNamesTheFields() {
        CliHarness.Result first = CliHarness.run(LLAMA_BOTH);
        CliHarness.Result second = CliHarness.run(LLAMA_BOTH);
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(first.stdout(), second.stdout());
        for (String field : new String[] {"time to first token", "time per output token", "decode tokens/s",
                "energy", "array utilisation", "capacity", "bound", "util (%)", "qk_matmul[keys 1249..1280]"}) {
            assertTrue(first.stdout().contains(field), field + " missing in\n" + first.stdout());
        }
    }

    @Test
    void csvHasOneRowPerOp() throws Exception {
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "fp16-baseline", "--workload", "phi-2",
                "--phase", "prefill", "--prompt", "128", "--csv", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        String[] lines = result.stdout().split("\n");
        assertTrue(lines[0].startsWith("phase,op,kind,count,m,k,n"), lines[0]);
        JsonNode root = json("simulate", "--hw", "fp16-baseline", "--workload", "phi-2", "--phase", "prefill",
                "--prompt", "128");
        assertEquals(root.at("/phases/0/ops").size() + 1, lines.length);
        assertEquals("fp16", root.at("/workload/quant/weights").asText());
    }

    @Test
    void quantisedWeightsWithGroupScales() throws Exception {
        JsonNode root = json("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--phase", "prefill",
                "--prompt", "16", "--quant", "W4A8KV4g128,lm_head:same");
        JsonNode q = op(root.get("phases").get(0), "q_proj");
        assertEquals("int4", q.get("weights").asText());
        // Per layer: 4096 * 4096 / 2 B = 8,388,608 B of codes + 4096/128 * 4096 FP16 scales = 262,144 B.
        assertEquals(32L * (8_388_608 + 262_144), q.at("/bytes/loadWeight").asLong());
        // K/V projections write the cache at 4 bits: 16 tokens * 4096 / 2 B per layer.
        assertEquals(32L * 16 * 4096 / 2, op(root.get("phases").get(0), "k_proj").at("/bytes/storeKvCache").asLong());
        // Without lm_head:same the FP16 lm_head cannot run on the INT8 array: bad input with a hint.
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "prefill", "--prompt", "16", "--quant", "W4A8KV4g128");
        assertEquals(2, result.exitCode(), result.stderr());
        assertTrue(result.stderr().contains("lm_head:same"), result.stderr());
    }

    @Test
    void explainShowsTheMapping() throws Exception {
        CliHarness.Result result = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "prefill", "--prompt", "64", "--explain");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("q_proj: M 32 x N 32 per fold, K streamed whole; 2 x 128 folds of 4158"
                + " cycles"), result.stdout());
        JsonNode mapping = json("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--phase",
                "prefill", "--prompt", "64", "--explain").at("/phases/0/ops/2/mapping");
        assertEquals("os", mapping.get("dataflow").asText());
        assertEquals("M", mapping.get("arrayRows").asText());
    }

    @Test
    void saysWhenItDoesNotFitAndWhatDoes() throws Exception {
        // KV cache at INT8: 64 sequences * 2 * 32 layers * 4096 * (3840 + 256) tokens = 69 GB > 16 GiB.
        JsonNode root = json("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--phase", "decode",
                "--batch", "64", "--context", "3840", "--generate", "256");
        assertFalse(root.at("/capacity/fits").asBoolean());
        long batch = root.at("/capacity/largestBatch").asLong();
        assertTrue(batch >= 1 && batch < 64, root.get("capacity").toString());
        CliHarness.Result text = CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "decode", "--batch", "64", "--context", "3840", "--generate", "256");
        assertTrue(text.stdout().contains("DOES NOT FIT"), text.stdout());
    }

    @Test
    void readsAModelConfigAndOptions(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(Files.createDirectories(dir.resolve("tiny")).resolve("config.json"), """
                {"_name_or_path": "someone/tiny", "model_type": "llama", "hidden_size": 64, "intermediate_size": 128,
                 "num_hidden_layers": 2, "num_attention_heads": 4, "num_key_value_heads": 2, "vocab_size": 100}""");
        JsonNode root = json("simulate", "--hw", "fp16-baseline", "--model-config", config.toString(), "--prompt",
                "300", "--generate", "4", "--attention", "causal", "--quant", "W16A16KV16");
        assertEquals("tiny", root.at("/workload/id").asText());
        assertTrue(root.at("/workload/prefillAttention").asText().startsWith("causal"));
        // Causal blocks of 128 rows over 300 tokens: 128, 128 and 44 rows.
        assertEquals("qk_matmul[rows 257..300]", root.at("/phases/0/ops/8/name").asText());
    }

    @Test
    void badInputIsOneLineWithExitTwo(@TempDir Path dir) throws Exception {
        Path mamba = Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"mamba\"}");
        String[][] cases = {
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-9"},
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--quant", "W4X"},
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--quant", "W4A16"},
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--phase", "train"},
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--batch", "0"},
            {"simulate", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--attention", "sparse"},
            {"simulate", "--hw", "no-such-hw", "--workload", "llama-2-7b"},
            {"simulate", "--hw", "tpu-like-int8", "--model-config", mamba.toString()},
            {"simulate", "--hw", "tpu-like-int8"},
        };
        String[] mentioned = {"llama-9", "grammar", "cannot run", "--phase", "--batch", "sparse", "no-such-hw",
            "'mamba'", "--workload"};
        for (int i = 0; i < cases.length; i++) {
            CliHarness.Result result = CliHarness.run(cases[i]);
            assertEquals(2, result.exitCode(), String.join(" ", cases[i]) + "\n" + result.stdout() + result.stderr());
            assertEquals(1, result.stderr().lines().count(), result.stderr());
            assertTrue(result.stderr().contains(mentioned[i]), result.stderr());
        }
    }
}
