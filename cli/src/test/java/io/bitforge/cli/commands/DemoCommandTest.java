package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    @Test
    void demoSimulatesEveryPresetAndWritesAResultsDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        CliHarness.Result result = CliHarness.run("demo", "--prompt", "64", "--generate", "8", "--out", out.toString(),
                "--reproductions", Path.of("..", "examples", "reproduce").toString());
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode manifest = Json.mapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("demo", manifest.get("kind").asText());
        assertEquals(64, manifest.get("inputs").get("prompt").asInt());
        JsonNode designsJson = Json.mapper().readTree(out.resolve("designs.json").toFile());
        List<String> designs = new ArrayList<>();
        designsJson.forEach(d -> designs.add(d.get("design").asText()));
        assertEquals(Registry.load().ids(CatalogKind.HARDWARE), designs);
        int simulated = 0;
        for (JsonNode design : designsJson) {
            JsonNode summary = design.get("summary");
            if (summary == null) {
                assertTrue(design.get("skipped").asText().length() > 0);
                continue;
            }
            simulated++;
            // Decode tokens per second is the inverse of the time per output token at batch 1.
            assertEquals(1.0, summary.get("decodeTokensPerSecond").asDouble()
                    * summary.get("timePerOutputTokenSeconds").asDouble(), 1e-9);
        }
        assertTrue(simulated >= 2, "at least the two baseline presets run: " + designs);
        // provenance: tpu-like-int8's cell is Bit Fusion's published 45 nm synthesis; the LUT unit is built from
        // parts (an estimate); SRAM area is derived and the vector unit an estimate for every design
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        designsJson.forEach(d -> byName.put(d.get("design").asText(), d));
        JsonNode tpu = byName.get("tpu-like-int8").at("/summary/provenance");
        assertEquals("published", tpu.at("/area/pe-array").asText());
        assertEquals("published", tpu.get("peEnergy").asText());
        assertEquals("derived", tpu.at("/area/sram").asText());
        assertEquals("estimate", tpu.at("/area/vector").asText());
        assertEquals("estimate", byName.get("lut-tc-int2").at("/summary/provenance/peEnergy").asText());
        assertTrue(byName.get("lut-tc-int2").at("/summary/sources").size() > 0);
        String table = result.stdout();
        String lutRow = table.lines().filter(l -> l.startsWith("lut-tc-int2 ")).findFirst().orElseThrow();
        String tpuRow = table.lines().filter(l -> l.startsWith("tpu-like-int8 ")).findFirst().orElseThrow();
        assertTrue(lutRow.contains("†"), lutRow);
        assertTrue(!tpuRow.contains("†"), tpuRow);
        assertTrue(table.contains("† estimate: the PE's energy or area is a stand-in"), table);
        // W4A16 moves a quarter of the weight bytes of W16A16 (plus FP16 scales per 128 weights), so its
        // memory-bound decode step must be faster on the same GPU.
        JsonNode roofline = Json.mapper().readTree(out.resolve("roofline.json").toFile());
        double tpot16 = roofline.get("W16A16KV16").get("generation").get("timePerOutputTokenSeconds").asDouble();
        double tpot4 = roofline.get("W4A16KV16g128").get("generation").get("timePerOutputTokenSeconds").asDouble();
        assertTrue(tpot4 < tpot16 / 2, tpot4 + " vs " + tpot16);
        assertEquals(6, Json.mapper().readTree(out.resolve("formats.json").toFile()).size());
        // every shipped reproduction contributes its published headline ratios, e.g. BitMoD's 1.69x over ANT
        JsonNode reproductions = Json.mapper().readTree(out.resolve("reproductions.json").toFile());
        List<String> papers = new ArrayList<>();
        reproductions.forEach(r -> papers.add(r.get("paper").asText()));
        assertTrue(papers.containsAll(List.of("ant", "bitmod", "mixpe", "bitfusion-stripes")), papers.toString());
        boolean bitmodVsAnt = false;
        for (JsonNode r : reproductions) {
            if (r.get("name").asText().equals("speedup BitMoD vs ANT")) {
                bitmodVsAnt = true;
                assertEquals(1.69, r.get("published").asDouble(), 1e-12);
                assertTrue(Math.abs(r.get("relativeDifference").asDouble()) <= 0.03, r.toString());
            }
            // every headline beside its ratio under BitForge's accounting (reproduce --sensitivity's combined run)
            assertTrue(r.get("bitforgeAccounting").isNumber(), r.toString());
        }
        assertTrue(bitmodVsAnt, reproductions.toString());
        // The directory is a results directory: bitforge report reads it through its manifest.
        CliHarness.Result page = CliHarness.run("report", "--in", out.toString(), "--out",
                dir.resolve("demo.html").toString());
        assertEquals(0, page.exitCode(), page.stderr());
        assertTrue(Files.readString(dir.resolve("demo.html")).contains("<svg"));
        assertTrue(Files.size(out.resolve("roofline.png")) > 10_000);
        assertTrue(Files.readString(out.resolve("roofline.svg")).contains("<svg"));
    }

    @Test
    void unknownWorkloadIsBadInput(@TempDir Path dir) {
        CliHarness.Result result = CliHarness.run("demo", "--workload", "gpt-9", "--out", dir.toString());
        assertEquals(2, result.exitCode());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains("gpt-9"), result.stderr());
    }
}
