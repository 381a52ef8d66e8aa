package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliContext;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.core.op.BOperand;
import io.bitforge.core.op.GemmOp;
import io.bitforge.core.op.OpGraph;
import io.bitforge.core.op.OpKind;
import io.bitforge.core.op.Precision;
import io.bitforge.core.registry.Registry;
import io.bitforge.core.workload.PhaseGraph;
import io.bitforge.core.workload.PhaseKind;
import io.bitforge.core.workload.WorkloadFactory;
import io.bitforge.core.workload.WorkloadSettings;
import io.bitforge.roofline.DevicePresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RooflineCommandTest {
    /** One FP16 GEMM per phase: prefill M = prompt, decode M = 1 repeated per generated token. */
    record TinyLlm() implements WorkloadFactory {
        @Override
        public String id() {
            return "tiny";
        }

        @Override
        public String description() {
            return "one 1024 x 1024 projection";
        }

        @Override
        public String source() {
            return "test";
        }

        @Override
        public String kind() {
            return "llm";
        }

        @Override
        public long parameterCount() {
            return 1024 * 1024;
        }

        @Override
        public List<PhaseGraph> build(WorkloadSettings s) {
            List<PhaseGraph> phases = new ArrayList<>();
            if (!s.phase().equals("decode")) {
                phases.add(new PhaseGraph("prefill", PhaseKind.PREFILL, graph(s.batch() * (long) s.prompt(), 1), 1,
                        s.batch()));
            }
            if (!s.phase().equals("prefill")) {
                phases.add(new PhaseGraph("decode", PhaseKind.DECODE, graph(s.batch(), s.generate()), 1,
                        (long) s.batch() * s.generate()));
            }
            return phases;
        }

        private static OpGraph graph(long m, long count) {
            return new OpGraph("tiny", List.of(new GemmOp("k_proj", OpKind.PROJECTION, m, 1024, 1024, count,
                    Precision.FP16, Precision.FP16, Precision.FP16, BOperand.WEIGHTS, 0)));
        }
    }

    private record Run(int exitCode, String stdout) {
    }

    private static Run run(String... args) {
        Registry.Builder registry = Registry.builder().workload(new TinyLlm());
        DevicePresets.all().forEach(registry::device);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new CommandLine(new RooflineCommand(new CliContext(registry.build(), print, print, false)))
                .execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void jsonHasLayersTotalsFootprintAndGeneration() throws Exception {
        Run run = run("--device", "a100-40gb", "--workload", "tiny", "--prompt", "512", "--generate", "4",
                "--json", "-");
        assertEquals(0, run.exitCode(), run.stdout());
        JsonNode root = Json.mapper().readTree(run.stdout());
        JsonNode prefill = root.get("layers").get(0);
        // Prefill: 2 x 512 x 1024 x 1024 = 1,073,741,824 ops; weights 2 MiB, input 1 MiB, output to the KV
        // cache 1 MiB -> 4,194,304 B; intensity 256 > ridge 200.6: compute-bound, 1,073,741,824 / 312e12 s.
        assertEquals("k_proj", prefill.get("name").asText());
        assertEquals(1_073_741_824L, prefill.get("ops").asLong());
        assertEquals(4_194_304L, prefill.get("bytes").asLong());
        assertEquals(1_048_576L, prefill.get("bytesByOperand").get("kvCacheWrite").asLong());
        assertEquals("compute", prefill.get("bound").asText());
        assertEquals(1_073_741_824 / 312e12, prefill.get("seconds").asDouble(), 1e-18);
        JsonNode decode = root.get("layers").get(1);
        // Decode: 4 tokens x (2 MiB weights + 2 KiB in + 2 KiB to the cache) = 8,404,992 B, memory-bound.
        assertEquals(4, decode.get("count").asLong());
        assertEquals(8_404_992L, decode.get("bytes").asLong());
        assertEquals("memory", decode.get("bound").asText());
        JsonNode total = root.get("total");
        assertEquals(4_194_304L + 8_404_992L, total.get("bytes").asLong());
        assertEquals(2_097_152L, total.get("weightBytes").asLong());
        // KV cache: 512 prompt tokens + 4 generated, 1024 values x 2 B each = 1,056,768 B.
        assertEquals(1_056_768L, total.get("kvCacheBytes").asLong());
        JsonNode generation = root.get("generation");
        assertEquals(prefill.get("seconds").asDouble(), generation.get("timeToFirstTokenSeconds").asDouble(), 0);
        assertEquals(decode.get("seconds").asDouble() / 4, generation.get("timePerOutputTokenSeconds").asDouble(),
                1e-18);
    }

    @Test
    void jsonIsByteIdenticalAcrossRuns() {
        String[] args = {"--device", "h100-sxm", "--workload", "tiny", "--fused-attention", "--tp", "2", "--json",
            "-"};
        assertEquals(run(args).stdout(), run(args).stdout());
    }

    @Test
    void csvHasOneRowPerOpAndTextHasTotals() {
        Run csv = run("--device", "l40s", "--workload", "tiny", "--csv", "-");
        assertEquals(3, csv.stdout().lines().count(), csv.stdout());
        assertTrue(csv.stdout().startsWith("phase,name,kind,count,ops,bytes,"), csv.stdout());
        Run text = run("--device", "l40s", "--workload", "tiny", "--phase", "decode");
        assertTrue(text.stdout().contains("generation (decode only): TPOT"), text.stdout());
        assertTrue(text.stdout().contains("memory: weights"), text.stdout());
    }

    @Test
    void plotsPngAndSvg(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("r.png");
        Path svg = dir.resolve("r.svg");
        assertEquals(0, run("--device", "rtx-4090", "--workload", "tiny", "--plot", png.toString(), "--json",
                dir.resolve("r.json").toString()).exitCode());
        assertEquals(0, run("--device", "rtx-4090", "--workload", "tiny", "--plot", svg.toString(), "--csv",
                dir.resolve("r.csv").toString()).exitCode());
        byte[] head = Files.readAllBytes(png);
        assertEquals((byte) 0x89, head[0]);
        assertEquals('P', head[1]);
        assertTrue(Files.readString(svg).contains("<svg"));
        // Both axis labels are text, not glyph outlines.
        assertTrue(Files.readString(svg).contains(">arithmetic intensity (ops / DRAM byte)<"));
        assertTrue(Files.readString(svg).contains(">attainable performance (ops / s)<"));
        // The title names the quantisation (the default W16A16KV16), and the costliest op is numbered 1.
        assertTrue(Files.readString(svg).contains(" at W16A16KV16<"), "quantisation in the title");
        assertTrue(Files.readString(svg).contains(">1</text>"), "numbered op labels");
    }

    @Test
    void unknownDeviceIsBadInputNamingTheChoices() {
        CliHarness.Result result = CliHarness.run("roofline", "--device", "tpu-v9", "--workload", "x");
        assertBadInput(result, "--device");
        assertTrue(result.stderr().contains("a100-40gb"), result.stderr());
    }

    @Test
    void missingDeviceIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--workload", "x"), "--device");
    }

    @Test
    void badPhaseIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "x", "--phase", "warmup"),
                "--phase");
    }

    @Test
    void zeroBatchIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "x", "--batch", "0"),
                "--batch");
    }

    @Test
    void tensorParallelOnADeviceWithoutLinkNeedsLinkBandwidth() {
        assertBadInput(CliHarness.run("roofline", "--device", "jetson-agx-orin", "--workload", "x", "--tp", "2"),
                "--link-gbps");
    }

    @Test
    void negativeLinkBandwidthIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "x", "--tp", "2",
                "--link-gbps", "-3"), "--link-gbps");
    }

    @Test
    void plotNeedsPngOrSvg() {
        assertBadInput(CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "x", "--plot", "r.gif"),
                "--plot");
    }

    @Test
    void unknownWorkloadIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "no-such-model"),
                "--workload");
    }

    @Test
    void devicesAreListed() {
        CliHarness.Result result = CliHarness.run("list", "devices");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("h100-sxm"), result.stdout());
        assertTrue(result.stdout().contains("9 devices"), result.stdout());
    }

    @Test
    void llama2On100MatchesItsParameterCountAndCache() throws Exception {
        CliHarness.Result result = CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "llama-2-7b",
                "--phase", "decode", "--context", "1023", "--generate", "1", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode root = Json.mapper().readTree(result.stdout());
        JsonNode total = root.get("total");
        // Every weight at FP16: 6,738,415,616 parameters (Hugging Face safetensors metadata) x 2 B.
        assertEquals(13_476_831_232L, total.get("weightBytes").asLong());
        // 1023 cached + 1 generated tokens x 32 layers x (K + V) x 4096 x 2 B = 536,870,912 B.
        assertEquals(536_870_912L, total.get("kvCacheBytes").asLong());
        assertTrue(root.get("generation").get("timeToFirstTokenSeconds").isNull());
        // LLM-Viewer's q_proj row x 32 layers: 33,570,816 B per layer, memory-bound at 1555 GB/s.
        JsonNode q = null;
        for (JsonNode layer : root.get("layers")) {
            if (layer.get("name").asText().equals("q_proj")) {
                q = layer;
            }
        }
        assertEquals(33_570_816L * 32, q.get("bytes").asLong());
        assertEquals(33_570_816.0 * 32 / 1555e9, q.get("seconds").asDouble(), 1e-15);
    }

    @Test
    void simulatedDesignFromAPreset() throws Exception {
        CliHarness.Result result = CliHarness.run("roofline", "--hw", "tpu-like-int8", "--workload", "llama-2-7b",
                "--phase", "prefill", "--prompt", "64", "--quant", "W8A8,lm_head:same", "--json", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode root = Json.mapper().readTree(result.stdout());
        assertEquals("tpu-like-int8", root.get("device").asText());
        JsonNode q = root.get("layers").get(2);
        assertEquals("q_proj", q.get("name").asText());
        // 32 x 32 INT8 MACs x 2 x 1 GHz.
        assertEquals(2.048e12, q.get("peakOpsPerSecond").asDouble(), 1);
    }

    @Test
    void aDesignThatCannotRunTheQuantIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--hw", "tpu-like-int8", "--workload", "llama-2-7b", "--quant",
                "W16A16"), "--hw: tpu-like-int8");
    }

    @Test
    void deviceAndHwTogetherIsBadInput() {
        assertBadInput(CliHarness.run("roofline", "--hw", "tpu-like-int8", "--device", "a100-40gb", "--workload",
                "llama-2-7b"), "--device/--hw");
    }

    private static void assertBadInput(CliHarness.Result result, String mentioned) {
        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains(mentioned), result.stderr());
    }
}
