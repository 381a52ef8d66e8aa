package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** simulate, adc-study and reproduce write results directories that bitforge report reads. */
class ResultsDirectoriesTest {
    @Test
    void commandsWriteDirectoriesTheReportReads(@TempDir Path dir) throws Exception {
        Path simulate = dir.resolve("simulate");
        Path adc = dir.resolve("adc");
        Path reproduce = dir.resolve("reproduce");
        assertOk(CliHarness.run("simulate", "--hw", "tpu-like-int8", "--workload", "opt-1.3b", "--prompt", "32",
                "--generate", "4", "--out", simulate.toString()));
        assertOk(CliHarness.run("adc-study", "--synthetic", "gaussian", "--rows", "32", "--cols", "32", "--seed",
                "3", "--hw", "isaac-like", "--out", adc.toString()));
        assertOk(CliHarness.run("reproduce", "ant", "--dir", Path.of("..", "examples", "reproduce", "ant")
                .toString(), "--out", reproduce.toString()));
        assertKind(simulate, "simulate", "simulate.json");
        assertTrue(Files.readString(simulate.resolve("energy.svg")).contains("op kind"));
        assertKind(adc, "adc-study", "adc-study.json");
        assertKind(reproduce, "reproduce", "reproduce.json");
        // The simulate directory's JSON is the --json document: its summary has the prefill latency.
        JsonNode sim = Json.mapper().readTree(simulate.resolve("simulate.json").toFile());
        assertTrue(sim.get("summary").get("timeToFirstTokenSeconds").asDouble() > 0);
        Path page = dir.resolve("all.html");
        assertOk(CliHarness.run("report", "--in", simulate.toString(), "--in", adc.toString(), "--in",
                reproduce.toString(), "--out", page.toString()));
        String html = Files.readString(page);
        assertTrue(html.contains("simulate") && html.contains("adc-study") && html.contains("reproduce"));
    }

    private static void assertOk(CliHarness.Result result) {
        assertEquals(0, result.exitCode(), result.stderr());
    }

    private static void assertKind(Path dir, String kind, String file) throws Exception {
        JsonNode manifest = Json.mapper().readTree(dir.resolve("manifest.json").toFile());
        assertEquals(kind, manifest.get("kind").asText());
        assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        assertEquals(file, manifest.get("files").get(0).get("name").asText());
    }
}
