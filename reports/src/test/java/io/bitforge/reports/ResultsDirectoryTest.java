package io.bitforge.reports;

import io.bitforge.core.io.BadInputException;
import io.bitforge.reports.chart.ParetoChart;
import io.bitforge.reports.results.Manifest;
import io.bitforge.reports.results.ResultFile;
import io.bitforge.reports.results.ResultsDirectory;
import io.bitforge.reports.results.ResultsWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsDirectoryTest {
    static Path writeSample(Path dir) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("space", "space.yaml");
        inputs.put("strategy", "random");
        inputs.put("budget", 5);
        ResultsWriter out = ResultsWriter.create(dir, "--out");
        out.json("pareto.json", "the front", Map.of("designs", List.of(Map.of("id", "aaaaaaaaaaaaaaaa", "latency", 1e-3))));
        out.csv("designs.csv", "one row per design", "id,latency\naaaaaaaaaaaaaaaa,0.001\n");
        out.chart("pareto", "Pareto front", new ParetoChart("front", ParetoChartTest.fiveDesigns()).chart(), 800, 560);
        try {
            java.nio.file.Files.writeString(dir.resolve("results.jsonl"), "{\"id\": \"aaaaaaaaaaaaaaaa\"}\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.existing("results.jsonl", "data", "every evaluated design, one JSON object a line");
        out.finish("explore", "0.1.0-test", inputs, 42L);
        return dir;
    }

    @Test
    void writesTheManifestLastAndReadsItBack(@TempDir Path tmp) throws Exception {
        Path dir = writeSample(tmp.resolve("run"));
        ResultsDirectory read = ResultsDirectory.read(dir);
        Manifest m = read.manifest();
        assertEquals("explore", m.kind());
        assertEquals("0.1.0-test", m.bitforgeVersion());
        assertEquals(42L, m.seed());
        assertEquals(5, m.inputs().get("budget"));
        assertEquals(List.of("pareto.json", "designs.csv", "pareto.svg", "pareto.png", "results.jsonl"),
                m.files().stream().map(ResultFile::name).toList());
        assertEquals(List.of("result", "table", "chart", "chart", "data"),
                m.files().stream().map(ResultFile::role).toList());
        String manifest = Files.readString(dir.resolve("manifest.json"));
        assertTrue(manifest.startsWith("{\n  \"kind\" : \"explore\",\n  \"bitforgeVersion\" : \"0.1.0-test\",\n"
                + "  \"inputs\" : {"), manifest);
        assertTrue(Files.readString(dir.resolve("pareto.svg")).contains("bitforge-pareto-"));
    }

    @Test
    void missingManifestNamesTheFile(@TempDir Path tmp) {
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsDirectory.read(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve("manifest.json") + ": missing"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheFileAndLine(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("manifest.json"), "{\n  \"kind\": \"x\",\n  oops\n}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsDirectory.read(tmp));
        assertTrue(e.getMessage().startsWith(tmp.resolve("manifest.json") + ": not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("(line 3)"), e.getMessage());
    }

    @Test
    void eachMissingOrWrongFieldIsNamed(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("manifest.json");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"bitforgeVersion\": \"1\", \"inputs\": {}, \"files\": []}", "kind: must be a non-empty string");
        cases.put("{\"kind\": \"k\", \"inputs\": {}, \"files\": []}", "bitforgeVersion: must be a non-empty string");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": [], \"files\": []}", "inputs: must be an object");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": {}, \"seed\": \"x\", \"files\": []}",
                "seed: must be an integer or null");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": {}}", "files: must be an array");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": {}, \"files\": [{\"name\": \"a.json\", "
                + "\"role\": \"result\"}]}", "files[0].name: must name a file in");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": {}, \"files\": [{\"name\": \"../a\", "
                + "\"role\": \"result\"}]}", "files[0].name: must be a plain file name");
        cases.put("{\"kind\": \"k\", \"bitforgeVersion\": \"1\", \"inputs\": {}, \"files\": [{\"name\": \"a\", "
                + "\"role\": \"picture\"}]}", "files[0].role: must be one of result, table, chart, data");
        cases.put("[1, 2]", "(root): must be a JSON object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(file, c.getKey());
            BadInputException e = assertThrows(BadInputException.class, () -> ResultsDirectory.read(tmp), c.getKey());
            assertTrue(e.getMessage().startsWith(file + ": " + c.getValue()), e.getMessage());
        }
    }

    @Test
    void outPathThatIsAFileIsBadInput(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        BadInputException e = assertThrows(BadInputException.class, () -> ResultsWriter.create(file, "--out"));
        assertEquals("--out: " + file + " exists and is not a directory", e.getMessage());
    }
}
