package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.workloads.tensors.QuantizerChoice;
import io.bitforge.core.io.Json;
import io.bitforge.workloads.tensors.DType;
import io.bitforge.workloads.tensors.SafetensorsWriter;
import io.bitforge.workloads.tensors.SyntheticTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuantizeCommandTest {
    @TempDir
    Path dir;

    @Test
    void ovpBeatsPerChannelInt4OnLlmOutliersThroughTheCommand() throws IOException {
        CliHarness.Result r = CliHarness.run("quantize", "--format", "int4,ovp-int4", "--synthetic", "llm-outliers",
                "--rows", "128", "--cols", "2048", "--seed", "3", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, JsonNode> byFormat = results(r.stdout());
        double int4 = byFormat.get("int4").get("sqnrDecibels").asDouble();
        double ovp = byFormat.get("ovp-int4").get("sqnrDecibels").asDouble();
        assertTrue(ovp >= int4 + 3, ovp + " vs " + int4);
        assertEquals("channel", byFormat.get("int4").get("granularity").asText());
        assertTrue(byFormat.get("ovp-int4").get("outliers").asLong() > 0);
        assertEquals(128L * 2048, Json.mapper().readTree(r.stdout()).get("values").asLong());
    }

    @Test
    void allFormatsRunAndTheOutputIsDeterministic() throws IOException {
        String[] args = {"quantize", "--format", "all", "--synthetic", "gaussian", "--rows", "16", "--cols", "256",
                "--group-size", "64", "--csv", "-"};
        CliHarness.Result first = CliHarness.run(args);
        assertEquals(0, first.exitCode(), first.stderr());
        assertEquals(first.stdout(), CliHarness.run(args).stdout());
        List<String> lines = first.stdout().lines().toList();
        assertEquals("format,granularity,values,bitsPerValue,mse,sqnrDecibels,maxAbsError,matmulSqnrDecibels,outliers,"
                + "victims,prunedOutliers,choiceCounts", lines.get(0));
        assertEquals(QuantizerChoice.ALL_FORMATS.size() + 1, lines.size());
        assertTrue(lines.get(2).startsWith("int4,group64,4096,4.25,"), lines.get(2)); // 4 + 16/64 bits
        CliHarness.Result table = CliHarness.run("quantize", "--format", "fp16,bitmod-mix3", "--synthetic", "gaussian",
                "--rows", "8", "--cols", "128");
        assertEquals(0, table.exitCode(), table.stderr());
        assertTrue(table.stdout().contains("1024 values in 1 matrix"), table.stdout());
        assertTableHasHumanUnits(table.stdout(), CliHarness.run("quantize", "--format", "fp16,bitmod-mix3",
                "--synthetic", "gaussian", "--rows", "8", "--cols", "128", "--json", "-").stdout());
    }

    /**
     * The text table holds the JSON's figures at three significant digits (rounded here with BigDecimal, not the
     * table's formatter), errors in one SI prefix per column named in the header, dB in the SQNR headers.
     */
    private static void assertTableHasHumanUnits(String text, String jsonText) throws IOException {
        List<String> lines = text.lines().toList();
        List<String> header = List.of(lines.get(0).trim().split("  +"));
        assertEquals("bits/value", header.get(2));
        assertTrue(header.get(3).matches("MSE \\([pnµm]\\)"), header.get(3)); // Gaussian errors are below 1
        assertEquals("SQNR (dB)", header.get(4));
        assertTrue(header.get(5).matches("max \\|err\\| \\([pnµm]?\\)|max \\|err\\|"), header.get(5));
        assertEquals("W·X SQNR (dB)", header.get(6));
        JsonNode rows = Json.mapper().readTree(jsonText).at("/results");
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = List.of(lines.get(2 + i).trim().split(" +"));
            assertEquals(rows.get(i).get("format").asText(), cells.get(0));
            assertEquals(threeDigits(rows.get(i).get("bitsPerValue").asDouble()), cells.get(2), lines.get(2 + i));
            assertEquals(threeDigits(rows.get(i).get("sqnrDecibels").asDouble()), cells.get(4), lines.get(2 + i));
            assertEquals(threeDigits(rows.get(i).get("matmulSqnrDecibels").asDouble()), cells.get(6),
                    lines.get(2 + i));
        }
    }

    private static String threeDigits(double v) {
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(3,
                java.math.RoundingMode.HALF_UP));
        // Trailing zeros count: 16 at three digits is 16.0.
        return rounded.setScale(Math.max(0, rounded.scale() + 3 - rounded.precision())).toPlainString();
    }

    @Test
    void quantisesTensorsOfACheckpoint() throws IOException {
        float[] w = SyntheticTensors.gaussian(32, 64, 1);
        Path file = dir.resolve("model.safetensors");
        SafetensorsWriter.write(file, List.of(
                SafetensorsWriter.Entry.of("layers.0.mlp.weight", DType.BF16, List.of(32L, 64L), w),
                SafetensorsWriter.Entry.of("layers.0.norm.weight", DType.F32, List.of(64L), new float[64]),
                SafetensorsWriter.Entry.of("layers.1.attn.weight", DType.F16, List.of(16L, 4L, 16L),
                        SyntheticTensors.gaussian(16, 64, 2))));
        CliHarness.Result all = CliHarness.run("quantize", "--format", "int8", "--safetensors", file.toString(),
                "--all-tensors", "--json", "-");
        assertEquals(0, all.exitCode(), all.stderr());
        JsonNode doc = Json.mapper().readTree(all.stdout());
        assertEquals(2, doc.get("matrices").asInt(), "the 1-D norm weight is skipped");
        assertEquals(1, doc.get("source").get("skippedTensors").asInt());
        assertEquals(32 * 64 + 16 * 64, doc.get("values").asLong());
        CliHarness.Result one = CliHarness.run("quantize", "--format", "bf16", "--safetensors", file.toString(),
                "--tensor", "layers.0.mlp.weight", "--json", "-");
        assertEquals(0, one.exitCode(), one.stderr());
        JsonNode bf16 = results(one.stdout()).get("bf16");
        assertEquals(0.0, bf16.get("mse").asDouble(), "bf16 values cast to bf16 are exact");
        assertTrue(bf16.get("sqnrDecibels").isNull(), "infinite SQNR is written as null");
        assertEquals(16.0, bf16.get("bitsPerValue").asDouble(), "a plain cast stores no scale");
    }

    @Test
    void badInputsExitTwoWithOneLine() throws IOException {
        Path file = dir.resolve("m.safetensors");
        SafetensorsWriter.write(file, List.of(SafetensorsWriter.Entry.of("w", DType.F32, List.of(4L, 4L), new float[16])));
        assertBad("allowed: int{N}", "quantize", "--format", "int4,fp7", "--synthetic", "gaussian");
        assertBad("exactly one of --safetensors", "quantize", "--format", "int4");
        assertBad("exactly one of --safetensors", "quantize", "--format", "int4", "--synthetic", "gaussian",
                "--safetensors", file.toString());
        assertBad("--tensor NAME (repeatable) or --all-tensors", "quantize", "--format", "int4", "--safetensors",
                file.toString());
        assertBad("no tensor 'v'; the checkpoint holds w", "quantize", "--format", "int4", "--safetensors",
                file.toString(), "--tensor", "v");
        assertBad("--granularity: must be tensor, channel or group, got 'row'", "quantize", "--format", "int4",
                "--synthetic", "gaussian", "--granularity", "row");
        assertBad("--group-size: must be even for OVP formats", "quantize", "--format", "ovp-int4", "--synthetic",
                "gaussian", "--group-size", "5");
        assertBad("--synthetic: must be gaussian or llm-outliers, got 'uniform'", "quantize", "--format", "int4",
                "--synthetic", "uniform");
        assertBad("--victim-rule", "quantize", "--format", "ovp-int4", "--synthetic", "gaussian", "--victim-rule", "x");
        assertBad("--outlier-fraction", "quantize", "--format", "int4", "--synthetic", "llm-outliers",
                "--outlier-fraction", "2", "--rows", "4", "--cols", "8");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 1);
        }
        assertBad("tensor 'w': truncated file", "quantize", "--format", "int4", "--safetensors", file.toString(),
                "--all-tensors");
    }

    private static void assertBad(String mentioned, String... args) {
        CliHarness.Result r = CliHarness.run(args);
        assertEquals(2, r.exitCode(), r.stdout() + r.stderr());
        assertEquals(1, r.stderr().lines().count(), r.stderr());
        assertTrue(r.stderr().contains(mentioned), r.stderr());
        assertTrue(r.stdout().isEmpty(), r.stdout());
    }

    private static Map<String, JsonNode> results(String json) throws IOException {
        Map<String, JsonNode> byFormat = new HashMap<>();
        Json.mapper().readTree(json).get("results").forEach(n -> byFormat.put(n.get("format").asText(), n));
        return byFormat;
    }
}
