package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import io.bitforge.core.registry.CatalogKind;
import io.bitforge.core.registry.Registry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GemmCommandTest {
    private static JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("gemm"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", "-"));
        CliHarness.Result result = CliHarness.run(all.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result.stderr());
        return Json.mapper().readTree(result.stdout());
    }

    @Test
    void aScaleSimRunPastAMinuteIsRefusedNamingYes() {
        // 8 x 8 array, M = 9, N = 2^31 - 1: about 1.4e10 closed-form fold steps (ScaleSimBoundsTest), far past a
        // minute; the library names its request field (longRunAllowed), the command line its flag
        CliHarness.Result r = CliHarness.run("gemm", "--rows", "8", "--cols", "8", "--m", "9", "--k", "8",
                "--n", "2147483647", "--scalesim");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("bitforge: --yes: ") && r.stderr().contains("refused (the limit is 60 s; "
                + "set this to run it anyway)"), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
    }

    @Test
    void scaleSimAnchorRows() throws IOException {
        // scalesim-anchors.csv (SCALE-Sim v2 22f88b1): rows, cols, dataflow, M, N, K -> total cycles
        long[][] rows = {{8, 8, 0, 8, 8, 8, 21}, {8, 8, 1, 8, 8, 8, 29}, {8, 8, 2, 8, 8, 8, 29},
                {32, 32, 0, 32, 32, 32, 93}, {32, 32, 1, 32, 32, 32, 125}, {32, 32, 2, 32, 32, 32, 125}};
        String[] dataflows = {"os", "ws", "is"};
        for (long[] row : rows) {
            JsonNode out = json("--rows", "" + row[0], "--cols", "" + row[1], "--dataflow", dataflows[(int) row[2]],
                    "--m", "" + row[3], "--n", "" + row[4], "--k", "" + row[5]);
            assertEquals(row[6], out.get("totalCycles").asLong(), out.toString());
            assertEquals(row[6], out.get("computeCycles").asLong());
            assertEquals(0, out.get("stallCycles").asLong());
        }
    }

    @Test
    void shiftAddAndLutFamiliesRunFromPresetsAndPe() throws IOException {
        // mixpe-w4a8: 64x64, 2 weights per cell: 4 x 64 x 256 steps, one fold of 256 + 64 + 64 - 2 = 382 cycles;
        // dequantisation (4*128*2*4 + 4*2*128 ops on 256 lanes = 20 cycles) overlaps, its last group (10) shows.
        JsonNode mixpe = json("--hw", "mixpe-w4a8", "--m", "4", "--k", "256", "--n", "128");
        assertEquals(392, mixpe.get("totalCycles").asLong());
        assertEquals("int4", mixpe.at("/gemm/weights").asText());
        assertTrue(mixpe.at("/energyPicojoules/DEQUANT").asDouble() > 0);
        // lut on the default 32x32 grid: one 2x64x4 tile, 2 K steps of 4 planes: 4 x (2 + 32 + 32 - 2) = 256,
        // plus tables: 2 rows x 2 groups x 8 entries x 1.25 adds = 40 ops on 32 lanes = 2 cycles.
        JsonNode lut = json("--pe", "lut", "--wbits", "4", "--m", "2", "--k", "8", "--n", "64");
        assertEquals(258, lut.get("totalCycles").asLong());
        // lut-tc-ternary: 2x2 grid, two passes: 2 x (2 + 2 + 2 - 2) = 8, plus the same 2 table cycles.
        JsonNode ternary = json("--hw", "lut-tc-ternary", "--m", "2", "--k", "8", "--n", "64");
        assertEquals(10, ternary.get("totalCycles").asLong());
        assertEquals("ternary", ternary.at("/gemm/weights").asText());
    }

    @Test
    void alexNetConv1AsAGemm() throws IOException {
        // SCALE-Sim golden AlexNet conv1 on 32x32 WS: M = 55*55 = 3025, K = 11*11*3 = 363, N = 96.
        JsonNode out = json("--rows", "32", "--cols", "32", "--dataflow", "ws", "--m", "3025", "--k", "363",
                "--n", "96", "--ifmap-kib", "64", "--filter-kib", "64", "--ofmap-kib", "64");
        assertEquals(112_283, out.get("totalCycles").asLong());
        assertEquals(91.68, Math.round(out.get("overallUtilizationPercent").asDouble() * 100) / 100.0);
        assertEquals(94.53, Math.round(out.get("mappingEfficiencyPercent").asDouble() * 100) / 100.0);
        assertEquals(3025L * 363 * 96, out.get("macs").asLong());
        // ws: ifmap read once per column fold (96/32 = 3), filter once, ofmap once per row fold (ceil(363/32) = 12)
        assertEquals(3L * 3025 * 363, out.at("/sramReads/ifmap").asLong());
        assertEquals(363L * 96, out.at("/sramReads/filter").asLong());
        assertEquals(12L * 3025 * 96, out.at("/sramWrites/ofmap").asLong());
        assertEquals(64.0, out.at("/hardware/buffers/activations/kib").asDouble());
    }

    @Test
    void jsonHasEveryDocumentedField() throws IOException {
        JsonNode out = json("--m", "64", "--k", "64", "--n", "64");
        for (String field : List.of("computeCycles", "stallCycles", "totalCycles", "overallUtilizationPercent",
                "computeUtilizationPercent", "mappingEfficiencyPercent", "macs", "sramReads", "sramWrites",
                "energyPicojoules", "areaSquareMicrometres", "sources")) {
            assertTrue(out.has(field), field + " missing in " + out);
        }
        assertTrue(out.at("/energyPicojoules/MAC").asDouble() > 0);
        assertTrue(out.at("/energyPicojoules/SRAM_READ").asDouble() > 0);
        assertEquals(out.at("/energyPicojoules/total").asDouble(), out.at("/energyPicojoules/MAC").asDouble()
                + out.at("/energyPicojoules/SRAM_READ").asDouble()
                + out.at("/energyPicojoules/SRAM_WRITE").asDouble() + out.at("/energyPicojoules/DRAM").asDouble()
                + out.at("/energyPicojoules/DEQUANT").asDouble(), 1e-6);
        // INT8 x INT8 per channel: one FP32 multiply (3.7 pJ at 45 nm, Horowitz) per output as it leaves the array
        assertEquals(64 * 64 * 3.7 * io.bitforge.core.tech.TechScaling.energyFactor(io.bitforge.core.tech.TechNode.N45,
                io.bitforge.core.tech.TechNode.N28), out.at("/energyPicojoules/DEQUANT").asDouble(), 1e-6);
        assertEquals("mac-int", out.at("/hardware/pe/family").asText());
    }

    @Test
    void outputIsDeterministic() {
        String[] args = {"gemm", "--m", "100", "--k", "70", "--n", "33", "--dataflow", "is", "--json", "-"};
        assertEquals(CliHarness.run(args).stdout(), CliHarness.run(args).stdout());
    }

    @Test
    void presetsFilesAndPeOptions() throws IOException {
        JsonNode fp = json("--hw", "fp16-baseline", "--m", "16", "--k", "16", "--n", "16");
        assertEquals("mac-fp", fp.at("/hardware/pe/family").asText());
        assertEquals("fp16", fp.at("/gemm/activations").asText());
        JsonNode file = json("--hw", Path.of("..", "examples", "hardware", "annotated.yaml").toString(),
                "--m", "16", "--k", "16", "--n", "16", "--wbits", "4", "--abits", "4");
        assertEquals(4, file.at("/hardware/pe/params/weightBits").asInt());
        assertEquals("int4", file.at("/gemm/weights").asText());
        JsonNode switched = json("--pe", "mac-fp", "--m", "16", "--k", "16", "--n", "16");
        assertEquals("fp16", switched.at("/hardware/pe/params/format").asText());
    }

    @Test
    void largeGemmAnswers() throws IOException {
        JsonNode out = json("--rows", "128", "--cols", "128", "--dataflow", "ws", "--m", "2048", "--k", "4096",
                "--n", "11008");
        assertEquals(2048L * 4096 * 11008, out.get("macs").asLong());
        // ws: 4096/128 = 32 row folds, 11008/128 = 86 column folds, each 2*128 + 128 + 2048 - 2 = 2430 cycles
        assertEquals(32L * 86 * 2430 - 1, out.get("computeCycles").asLong());
        // The preset's buffers are sized for 32x32 (256-bit input words, 1024-bit output words), so the 128x128
        // array waits on them in every fold: preload 128x128 int8 weights = 131072 bits / 256 = 512 cycles instead
        // of 128 (+384); streaming 128 x 2048 int8 activations / 256 = 8192 cycles and 2048 x 128 int32 sums /
        // 1024 = 8192 cycles instead of 2048 (+6144).
        assertEquals(32L * 86 * (384 + 6144), out.get("sramStallCycles").asLong());
        assertEquals(32L * 86 * (2430 + 384 + 6144) - 1, out.get("totalCycles").asLong());
    }

    @Test
    void csvHasAHeaderAndOneRow() {
        CliHarness.Result result = CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8", "--csv", "-");
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> lines = result.stdout().lines().toList();
        assertEquals(2, lines.size(), result.stdout());
        assertTrue(lines.get(0).startsWith("gemm.m,gemm.k,gemm.n,"), lines.get(0));
        assertTrue(lines.get(0).contains("totalCycles"), lines.get(0));
    }

    @Test
    void tableByDefault() {
        CliHarness.Result result = CliHarness.run("gemm", "--m", "8", "--k", "8", "--n", "8");
        assertEquals(0, result.exitCode(), result.stderr());
        assertTrue(result.stdout().contains("totalCycles"), result.stdout());
        // Energies in human units (a joule prefix), never as raw picojoules with four decimals.
        String total = result.stdout().lines().filter(l -> l.startsWith("energyPicojoules.total")).findFirst()
                .orElseThrow();
        assertTrue(total.matches("energyPicojoules\\.total +[0-9.]+ [pnµm]?J"), total);
    }

    @Test
    void badValuesAreOneLineWithExitTwo() {
        assertBad("--rows: must be from 1 to 65536, as array.rows and array.cols in a hardware spec, got 0", "--rows",
                "0", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--dataflow: must be one of os, ws, is, got 'xs'", "--dataflow", "xs", "--m", "1", "--k", "1",
                "--n", "1");
        // the test class path also holds the CLI's fixture family, so only the known part of the list is checked
        assertBad("mac-fp, mac-int", "--pe", "nope", "--m", "1", "--k", "1", "--n", "1");
        assertBad("), got 'nope'", "--pe", "nope", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--pe: must be a registered PE family (", "--pe", "nope", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--m: must be > 0, got 0", "--m", "0", "--k", "1", "--n", "1");
        assertBad("--ifmap-kib: must be > 0, got -1.0", "--ifmap-kib", "-1", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--wbits/--abits: hardware.pe.params.weightBits: unknown field; allowed fields here: format",
                "--pe", "mac-fp", "--wbits", "4", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--wbits/--abits: hardware.pe.params.weightBits: must be <= 16, got 40", "--wbits", "40", "--m",
                "1", "--k", "1", "--n", "1");
        assertBad("--hw: 'nowhere' is neither a spec file nor a preset; presets: "
                + String.join(", ", Registry.load().ids(CatalogKind.HARDWARE)),
                "--hw", "nowhere", "--m", "1", "--k", "1", "--n", "1");
        assertBad("--k", "--m", "1", "--n", "1");
    }

    private static void assertBad(String expected, String... args) {
        List<String> all = new ArrayList<>(List.of("gemm"));
        all.addAll(List.of(args));
        CliHarness.Result result = CliHarness.run(all.toArray(String[]::new));
        assertEquals(2, result.exitCode(), result.stdout() + result.stderr());
        assertEquals(1, result.stderr().lines().count(), result.stderr());
        assertTrue(result.stderr().contains(expected), "expected '" + expected + "' in " + result.stderr());
        assertTrue(result.stdout().isEmpty(), result.stdout());
    }
}
