package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    private static void quantize(Path dir) {
        CliHarness.Result r = CliHarness.run("quantize", "--synthetic", "llm-outliers", "--rows", "64", "--cols", "256",
                "--format", "int4,int8,fp4-e2m1,bitmod-fp3-er+,fp16", "--group-size", "64", "--seed", "3",
                "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private static void roofline(Path dir) {
        CliHarness.Result r = CliHarness.run("roofline", "--device", "a100-40gb", "--workload", "opt-1.3b",
                "--prompt", "128", "--generate", "8", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    @Test
    void quantizeOutWritesManifestJsonCsvAndChart(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("q");
        quantize(dir);
        JsonNode manifest = Json.mapper().readTree(Files.readString(dir.resolve("manifest.json")));
        assertEquals("quantize", manifest.get("kind").asText());
        assertEquals(3, manifest.get("seed").asLong());
        assertEquals("group", manifest.get("inputs").get("granularity").asText());
        assertEquals(64, manifest.get("inputs").get("groupSize").asInt());
        assertEquals("int4", manifest.get("inputs").get("formats").get(0).asText());
        for (String file : new String[] {"quantize.json", "quantize.csv", "sqnr.svg", "sqnr.png"}) {
            assertTrue(Files.isRegularFile(dir.resolve(file)), file);
        }
        JsonNode result = Json.mapper().readTree(Files.readString(dir.resolve("quantize.json")));
        assertEquals(5, result.get("results").size());
        // The SVG names the formats it draws (fp16 at 16+ bits per value is left out of the picture).
        String svg = Files.readString(dir.resolve("sqnr.svg"));
        assertTrue(svg.contains(">bitmod-fp3-er+<"));
        assertFalse(svg.contains(">fp16<"));
    }

    @Test
    void rooflineOutAndReportAreByteIdenticalAcrossRuns(@TempDir Path tmp) throws Exception {
        Path r1 = tmp.resolve("roof1");
        Path r2 = tmp.resolve("roof2");
        roofline(r1);
        roofline(r2);
        for (String file : new String[] {"manifest.json", "roofline.json", "roofline.csv", "roofline.svg"}) {
            assertArrayEquals(Files.readAllBytes(r1.resolve(file)), Files.readAllBytes(r2.resolve(file)), file);
        }
        JsonNode manifest = Json.mapper().readTree(Files.readString(r1.resolve("manifest.json")));
        assertEquals("roofline", manifest.get("kind").asText());
        assertTrue(manifest.get("seed").isNull());
        assertEquals("opt-1.3b", manifest.get("inputs").get("workload").asText());
        Path q = tmp.resolve("q");
        quantize(q);
        Path html1 = tmp.resolve("a.html");
        Path html2 = tmp.resolve("b.html");
        CliHarness.Result first = CliHarness.run("report", "--in", r1.toString(), "--in", q.toString(), "--out",
                html1.toString());
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(0, CliHarness.run("report", "--in", r1.toString(), "--in", q.toString(), "--out",
                html2.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(html1), Files.readAllBytes(html2));
        String html = Files.readString(html1);
        assertTrue(html.contains("roofline: " + r1));
        assertTrue(html.contains("quantize: " + q));
        assertTrue(html.contains("r1c1-bitforge-roofline-"));
        assertTrue(html.contains("r2c1-bitforge-sqnr-"));
        assertTrue(html.contains("arithmetic intensity (ops / DRAM byte)"));
        assertFalse(html.contains("<script"));
        Path keep = Path.of("target", "report-sample.html");
        Files.copy(html1, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(q.resolve("sqnr.png"), Path.of("target", "sqnr-sample.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(r1.resolve("roofline.png"), Path.of("target", "roofline-sample.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void missingOrMalformedManifestExitsTwoNamingFileAndField(@TempDir Path tmp) throws Exception {
        CliHarness.Result missing = CliHarness.run("report", "--in", tmp.toString(), "--out",
                tmp.resolve("r.html").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains(tmp.resolve("manifest.json") + ": missing"), missing.stderr());
        Files.writeString(tmp.resolve("manifest.json"), "{\"kind\": \"x\", \"inputs\": {}, \"files\": []}");
        CliHarness.Result noVersion = CliHarness.run("report", "--in", tmp.toString(), "--out",
                tmp.resolve("r.html").toString());
        assertEquals(2, noVersion.exitCode());
        assertEquals("bitforge: " + tmp.resolve("manifest.json") + ": bitforgeVersion: must be a non-empty string, "
                + "got nothing", noVersion.stderr().strip());
        CliHarness.Result badOut = CliHarness.run("report", "--in", tmp.toString(), "--out", "report.pdf");
        assertEquals(2, badOut.exitCode());
        assertTrue(badOut.stderr().contains("--out: must end in .html or .htm, or be -"), badOut.stderr());
    }

    @Test
    void unknownKindsAreShownGenerically(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("result.json"), "{\"designs\": [{\"id\": \"abc\", \"latencySeconds\": 0.5}]}");
        Files.writeString(tmp.resolve("manifest.json"), """
                {"kind": "adc-study", "bitforgeVersion": "9.9", "inputs": {"bits": [4, 6]}, "seed": 7,
                 "files": [{"name": "result.json", "role": "result", "description": "sweep"}]}""");
        CliHarness.Result r = CliHarness.run("report", "--in", tmp.toString(), "--out", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("<h2>1. adc-study: " + tmp + "</h2>"));
        assertTrue(r.stdout().contains("<th>bits</th><td>4, 6</td>"));
        assertTrue(r.stdout().contains("<th>id</th><th>latencySeconds</th>"));
        // latencySeconds 0.5 in human units (500 ms), the value as written as hover text.
        assertTrue(r.stdout().contains("<td class=\"num\"><span title=\"0.5\">500 ms</span></td>"));
    }
}
