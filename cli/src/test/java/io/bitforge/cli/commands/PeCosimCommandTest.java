package io.bitforge.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import io.bitforge.cli.CliHarness;
import io.bitforge.core.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cosim/verilog --pe FAMILY | --hw SPEC}: the PE RTL plug-in as a user runs it. */
class PeCosimCommandTest {

    @Test
    void aFamilyWithoutRtlIsOneLineNamingTheFamiliesThatHaveIt(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "no-such-family");
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("bitforge: --pe no-such-family: this PE family has no RTL yet; families with RTL: bit-serial, "
                + "bitfusion, lut, mac-fp, mac-int, ovp, shift-add", r.stderr().strip());
        CliHarness.Result v = CliHarness.run("verilog", "--pe", "reram", "--out", "unused");
        assertEquals(2, v.exitCode(), v.stderr());
        assertEquals(1, v.stderr().strip().lines().count(), v.stderr());
        // a family with RTL at a setting without it: T-MAC's INT8 tables
        Path tmac = dir.resolve("tmac.yaml");
        Files.writeString(tmac, String.join("\n", "name: tmac-like", "node: 28nm", "clockMegahertz: 1000",
                "pe: {family: lut, params: {weightBits: 2, table: int8, tileM: 1, tileN: 8, tileK: 4}}",
                "array: {rows: 2, cols: 2}", "dataflow: os", "buffers:",
                "  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  weights: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  outputs: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "vectorUnit: {lanes: 32, wordBits: 16}", "dram: {preset: hbm2e}", ""));
        CliHarness.Result t = CliHarness.run("cosim", "--hw", tmac.toString(), "--simulator", "java");
        assertEquals(2, t.exitCode(), t.stderr());
        assertEquals(1, t.stderr().strip().lines().count(), t.stderr());
        assertTrue(t.stderr().contains("lut has RTL for table fp16"), t.stderr());
    }

    @Test
    void mixpeEdgeDequantisersFromASpecFileAndABadDequantValue(@TempDir Path dir) throws Exception {
        String common = String.join("\n", "node: 28nm", "clockMegahertz: 500", "array: {rows: 2, cols: 2}",
                "dataflow: os", "buffers:", "  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  weights: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  outputs: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "vectorUnit: {lanes: 32, wordBits: 32}", "dram: {preset: hbm2e}", "");
        Path edge = dir.resolve("edge.yaml");
        Files.writeString(edge, "name: mixpe-edge\npe: {family: shift-add, params: {groupSize: 8, dequant: edge}}\n"
                + common);
        CliHarness.Result r = CliHarness.run("cosim", "--hw", edge.toString(), "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
        // cosim's default 4x4 array; random tile: K = 4 groups of 8, M = 5, N = 9 (2 weight lanes per cell):
        // 2 x 2 folds of 32 + 4 + 4 - 2 cycles, the engine's whole count; the RTL 3 more
        assertEquals(4 * 38, ladder.at("/engineCycles").asLong());
        assertEquals(4 * 38 + 3, ladder.at("/rtlComputedCycles").asLong());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: mixpe-bad\npe: {family: shift-add, params: {dequant: lanes}}\n" + common);
        CliHarness.Result b = CliHarness.run("cosim", "--hw", bad.toString(), "--simulator", "java");
        assertEquals(2, b.exitCode(), b.stderr());
        assertEquals(1, b.stderr().strip().lines().count(), b.stderr());
        assertTrue(b.stderr().contains("hardware.pe.params.dequant: must be vector or edge"), b.stderr());
    }

    @Test
    void bitmodEdgeDequantisersFromASpecFileAndBadDequantValues(@TempDir Path dir) throws Exception {
        String common = String.join("\n", "node: 28nm", "clockMegahertz: 1000", "array: {rows: 2, cols: 2}",
                "buffers:", "  activations: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  weights: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "  outputs: {kib: 64, banks: 1, portsPerBank: 1, wordBits: 64}",
                "vectorUnit: {lanes: 32, wordBits: 32}", "dram: {preset: hbm2e}", "");
        Path edge = dir.resolve("edge.yaml");
        Files.writeString(edge, "name: bitmod-edge\npe: {family: bit-serial, params: {groupSize: 16, dequant: edge}}\n"
                + "dataflow: os\n" + common);
        CliHarness.Result r = CliHarness.run("cosim", "--hw", edge.toString(), "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
        // cosim's default 4x4 array; random tile: K = 4 groups of 16 = 16 steps of 4 lanes, M = N = 5: 2 x 2 folds of
        // (16 + 4 + 4 - 2) steps x 2 cycles (4-bit weights), the engine's whole count; the RTL 3 more
        assertEquals(4 * 44, ladder.at("/engineCycles").asLong());
        assertEquals(4 * 44 + 3, ladder.at("/rtlComputedCycles").asLong());
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: bitmod-bad\npe: {family: bit-serial, params: {dequant: vector}}\n"
                + "dataflow: os\n" + common);
        CliHarness.Result b = CliHarness.run("cosim", "--hw", bad.toString(), "--simulator", "java");
        assertEquals(2, b.exitCode(), b.stderr());
        assertEquals(1, b.stderr().strip().lines().count(), b.stderr());
        assertTrue(b.stderr().contains("hardware.pe.params.dequant: must be pe or edge"), b.stderr());
        Path ws = dir.resolve("ws.yaml");
        Files.writeString(ws, "name: bitmod-ws\npe: {family: bit-serial, params: {dequant: edge}}\n"
                + "dataflow: ws\n" + common);
        CliHarness.Result w = CliHarness.run("cosim", "--hw", ws.toString(), "--simulator", "java");
        assertEquals(2, w.exitCode(), w.stderr());
        assertEquals("bitforge: hardware.dataflow: the bit-serial RTL is generated for [os], got ws",
                w.stderr().strip());
    }

    @Test
    void lutLadderPassesOnTheJavaSimulatorWithCyclesFourAboveTheEngine() throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--hw", "lut-tc-ternary", "--rows", "2", "--cols", "1",
                "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        // the preset's 2x64x4 unit needs 128- and 512-bit buffer words: a 1x8x4 unit stands in, and says so
        assertTrue(r.stderr().contains("runs a 1x8x4 unit in place of the 2x64x4 one"), r.stderr());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
        // random tile M = 2·1 + 1 = 3, K = 13 (4 steps of g = 4), N = 1·8 + 1 = 9 on 2x1 of 1x8x4 units: 2 row folds
        // x 2 column folds of (4 + 2 + 1 − 2) steps x 2 passes = 10 cycles; the last cycle's index 4 x 10 − 1 = 39
        assertEquals(39, ladder.at("/engineCycles").asLong());
        assertEquals(43, ladder.at("/rtlComputedCycles").asLong());
    }

    @Test
    void macIntLadderOnTheJavaSimulatorPassesWithCyclesFourAboveTheEngine() throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "mac-int", "--rows", "2", "--cols", "3",
                "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
        assertEquals("tpu-like-int8", ladder.at("/spec").asText());
        // random tile 3x4 by 4x4 on 2x3: 2 row folds x 2 column folds of 4 + 2 + 3 - 2 = 7 cycles; SCALE-Sim's
        // count is the last cycle's index, 4 x 7 - 1 = 27
        assertEquals(27, ladder.at("/engineCycles").asLong());
        assertEquals(31, ladder.at("/rtlComputedCycles").asLong());
        assertEquals("java exhaustive", ladder.at("/levels/0/level").asText());
    }

    @Test
    void bitmodDecodeRunsWeightStationaryWithCyclesFiveAboveTheEngine() throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--hw", "bitmod-decode", "--rows", "3", "--cols", "3",
                "--simulator", "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
        // ws random tile M = 4, K = 3 x 4 lanes + 1 = 13, N = 4 on 3x3, 2 cycles per step (4-bit weights): K in
        // ceil(13 / 4) = 4 steps over 2 row folds, N over 2 column folds, M = 4 streamed; a fold is 3 preload cycles
        // + 2 x (4 + 3 + 3 - 2) = 19 cycles, the last cycle's index 4 x 19 - 1 = 75
        assertEquals(75, ladder.at("/engineCycles").asLong());
        assertEquals(80, ladder.at("/rtlComputedCycles").asLong());
    }

    @Test
    void javaSimChoosesTheEngineAndBothPassTheLadder() throws Exception {
        for (String engine : new String[] {"compiled", "interpreted"}) {
            CliHarness.Result r = CliHarness.run("cosim", "--pe", "mac-int", "--rows", "2", "--cols", "2",
                    "--simulator", "java", "--java-sim", engine, "--json", "-");
            assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
            JsonNode result = Json.mapper().readTree(r.stdout());
            assertEquals(engine, result.at("/javaSim").asText());
            assertTrue(result.at("/ladders/0/passed").asBoolean(), r.stdout());
        }
        CliHarness.Result bad = CliHarness.run("cosim", "--pe", "mac-int", "--simulator", "java", "--java-sim", "jit");
        assertEquals(2, bad.exitCode(), bad.stderr());
        assertEquals("bitforge: --java-sim: must be one of compiled, interpreted, got 'jit'", bad.stderr().strip());
    }

    @Test
    void aDataflowTheRtlDoesNotBuildIsOneLine() {
        CliHarness.Result r = CliHarness.run("cosim", "--hw", "fp16-baseline", "--simulator", "java");
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("bitforge: hardware.dataflow: the mac-fp RTL is generated for [os], got ws", r.stderr().strip());
    }

    @Test
    void antPresetPassesInIcarusAndWritesAVcd(@TempDir Path dir) throws Exception {
        Path vcd = dir.resolve("ant.vcd");
        CliHarness.Result r = CliHarness.run("cosim", "--hw", "ant-28nm", "--rows", "2", "--cols", "2",
                "--simulator", "icarus", "--vcd", vcd.toString(), "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode ladder = Json.mapper().readTree(r.stdout()).at("/ladders/0");
        assertEquals("ant_aint4_wflint4", ladder.at("/mode").asText());
        assertTrue(ladder.at("/passed").asBoolean());
        assertTrue(Files.readString(vcd).contains("$enddefinitions"));
    }

    @Test
    void verilogOfAHardwareSpecWritesTheArrayItsPeAndBuffers(@TempDir Path dir) throws Exception {
        CliHarness.Result r = CliHarness.run("verilog", "--hw", "mixpe-w4a8", "--rows", "4", "--cols", "4", "--out",
                dir.toString());
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        assertTrue(Files.exists(dir.resolve("mixpe_os_mixpe_w4a8_g128.v")), r.stdout());
        Path top = dir.resolve("shift_add_mixpe_w4a8_g128_os_r4_c4_m4_k4_n8.v");
        assertTrue(Files.exists(top), r.stdout());
        // operand buffers load from $readmemh files: row 0's activations, 4 steps of one INT8 code each
        String verilog = Files.readString(top);
        assertTrue(verilog.contains("$readmemh(\"shift_add_mixpe_w4a8_g128_os_r4_c4_m4_k4_n8_abuf_0.hex\""), verilog);
        List<String> words = Files.readAllLines(dir.resolve("shift_add_mixpe_w4a8_g128_os_r4_c4_m4_k4_n8_abuf_0.hex"));
        assertEquals(4, words.size());
        assertTrue(words.stream().allMatch(w -> w.matches("[0-9a-f]{2}")), words.toString());
    }

    @Test
    void ovpRunsBothModesOnTheArrayAndNamesItsWeightStationaryPreset() throws Exception {
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "ovp", "--rows", "2", "--cols", "2", "--simulator",
                "java", "--json", "-");
        assertEquals(0, r.exitCode(), r.stderr() + r.stdout());
        JsonNode root = Json.mapper().readTree(r.stdout());
        assertEquals("olive-weight-only+os", root.at("/ladders/0/spec").asText());
        assertEquals("wo_int4", root.at("/ladders/0/mode").asText());
        assertEquals("olive-w4a4", root.at("/ladders/1/spec").asText());
        assertEquals("java every-pair", root.at("/ladders/1/levels/0/level").asText());
        for (JsonNode ladder : root.at("/ladders")) {
            assertTrue(ladder.at("/passed").asBoolean(), r.stdout());
            // random tile 3x4 by 4x3 on 2x2: 2 x 2 folds of K + R + C - 2 = 6 steps plus the decoder stage = 7
            // cycles; the engine's last cycle index 4 x 7 - 1 = 27
            assertEquals(27, ladder.at("/engineCycles").asLong());
            assertEquals(31, ladder.at("/rtlComputedCycles").asLong());
        }
        assertTrue(root.at("/skipped/0").asText().startsWith("olive-weight-only: hardware.dataflow"), r.stdout());
    }

    @Test
    void anOddKForPairedOvpCodesIsBadInput(@TempDir Path dir) {
        CliHarness.Result r = CliHarness.run("verilog", "--hw", "olive-w4a4", "--rows", "2", "--cols", "2", "--k",
                "3", "--out", dir.toString());
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals(1, r.stderr().strip().lines().count(), r.stderr());
        assertTrue(r.stderr().contains("multiple of 2"), r.stderr());
    }
}
