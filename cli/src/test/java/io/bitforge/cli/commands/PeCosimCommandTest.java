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
    void aFamilyWithoutRtlIsOneLineNamingTheFamiliesThatHaveIt() {
        CliHarness.Result r = CliHarness.run("cosim", "--pe", "lut");
        assertEquals(2, r.exitCode(), r.stderr());
        assertEquals("bitforge: --pe lut: this PE family has no RTL yet; families with RTL: bit-serial, bitfusion, "
                + "mac-fp, mac-int, shift-add", r.stderr().strip());
        CliHarness.Result v = CliHarness.run("verilog", "--pe", "reram", "--out", "unused");
        assertEquals(2, v.exitCode(), v.stderr());
        assertEquals(1, v.stderr().strip().lines().count(), v.stderr());
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
}
